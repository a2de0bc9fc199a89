-- AlterTable
ALTER TABLE "Package" ADD COLUMN     "detectionRule" TEXT,
ADD COLUMN     "inventoryThisPackage" BOOLEAN,
ADD COLUMN     "product" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "productVersion" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "shareAccess" TEXT,
ADD COLUMN     "shareName" TEXT,
ADD COLUMN     "shareSourceDirectory" TEXT;

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

    CONSTRAINT "PackageDetectionFile_pkey" PRIMARY KEY ("packageId","position")
);

-- AddForeignKey
ALTER TABLE "PackageDetectionFile" ADD CONSTRAINT "PackageDetectionFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package"("packageId") ON DELETE CASCADE ON UPDATE CASCADE;

