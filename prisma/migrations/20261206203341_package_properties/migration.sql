-- CreateTable
CREATE TABLE "PackageDetectionFile" (
    "packageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "isCollected" BOOLEAN NOT NULL DEFAULT false,
    "checksum" TEXT NOT NULL DEFAULT '',
    "crc" TEXT NOT NULL DEFAULT '',
    "date" TEXT NOT NULL DEFAULT '',
    "size" TEXT NOT NULL DEFAULT '',
    "time" TEXT NOT NULL DEFAULT '',
    "byte" TEXT NOT NULL DEFAULT '',
    "word" TEXT NOT NULL DEFAULT '',
    "long" TEXT NOT NULL DEFAULT '',
    "token1" TEXT NOT NULL DEFAULT '',
    "token2" TEXT NOT NULL DEFAULT '',
    "token3" TEXT NOT NULL DEFAULT '',
    "token4" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("packageId", "position"),
    CONSTRAINT "PackageDetectionFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package" ("packageId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Package" (
    "packageId" TEXT NOT NULL PRIMARY KEY,
    "siteCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "product" TEXT NOT NULL DEFAULT '',
    "productVersion" TEXT NOT NULL DEFAULT '',
    "sourceDirectory" TEXT NOT NULL DEFAULT '',
    "shareSourceDirectory" TEXT,
    "shareName" TEXT,
    "shareAccess" TEXT,
    "inventoryThisPackage" BOOLEAN,
    "detectionRule" TEXT,
    "sourceFileCount" INTEGER,
    "hasLongFileNames" BOOLEAN,
    "isSourceOnNtfs" BOOLEAN,
    "sourceSizeMegabytes" INTEGER,
    "hasSourceChangedSinceLastSend" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Package_siteCode_fkey" FOREIGN KEY ("siteCode") REFERENCES "Site" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Package" ("comments", "createdAt", "hasLongFileNames", "hasSourceChangedSinceLastSend", "isSourceOnNtfs", "name", "packageId", "siteCode", "sourceDirectory", "sourceFileCount", "sourceSizeMegabytes", "updatedAt", "version") SELECT "comments", "createdAt", "hasLongFileNames", "hasSourceChangedSinceLastSend", "isSourceOnNtfs", "name", "packageId", "siteCode", "sourceDirectory", "sourceFileCount", "sourceSizeMegabytes", "updatedAt", "version" FROM "Package";
DROP TABLE "Package";
ALTER TABLE "new_Package" RENAME TO "Package";
CREATE INDEX "Package_name_idx" ON "Package"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

