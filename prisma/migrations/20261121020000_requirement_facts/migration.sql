-- AlterTable
ALTER TABLE "Site" ADD COLUMN "businessDays" TEXT;
ALTER TABLE "Site" ADD COLUMN "businessHoursEnd" TEXT;
ALTER TABLE "Site" ADD COLUMN "businessHoursStart" TEXT;
ALTER TABLE "Site" ADD COLUMN "isDaylightSavingAdjusted" BOOLEAN;
ALTER TABLE "Site" ADD COLUMN "siteServerFreeDiskMegabytes" INTEGER;
ALTER TABLE "Site" ADD COLUMN "utcOffsetMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Server" ADD COLUMN "isRemovedFromHierarchy" BOOLEAN;

-- AlterTable
ALTER TABLE "Computer" ADD COLUMN "clockOffsetSeconds" INTEGER;
ALTER TABLE "Computer" ADD COLUMN "disableRandomPcmServers" TEXT;
ALTER TABLE "Computer" ADD COLUMN "hasDuplicateSmsId" BOOLEAN;
ALTER TABLE "Computer" ADD COLUMN "hasInteractiveUsers" BOOLEAN;
ALTER TABLE "Computer" ADD COLUMN "installedPcmHotfixes" TEXT;
ALTER TABLE "Computer" ADD COLUMN "isDaylightSavingAdjusted" BOOLEAN;
ALTER TABLE "Computer" ADD COLUMN "isNetwareNetxClient" BOOLEAN;
ALTER TABLE "Computer" ADD COLUMN "isPcmServiceDirectoryUserWritable" BOOLEAN;
ALTER TABLE "Computer" ADD COLUMN "isPcmwin32AutoStart" BOOLEAN;
ALTER TABLE "Computer" ADD COLUMN "pcmServiceAccount" TEXT;
ALTER TABLE "Computer" ADD COLUMN "usersAreLocalAdministrators" BOOLEAN;
ALTER TABLE "Computer" ADD COLUMN "utcOffsetMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Package" ADD COLUMN "hasLongFileNames" BOOLEAN;
ALTER TABLE "Package" ADD COLUMN "hasSourceChangedSinceLastSend" BOOLEAN;
ALTER TABLE "Package" ADD COLUMN "isSourceOnNtfs" BOOLEAN;
ALTER TABLE "Package" ADD COLUMN "sourceFileCount" INTEGER;
ALTER TABLE "Package" ADD COLUMN "sourceSizeMegabytes" INTEGER;

-- AlterTable
ALTER TABLE "WorkstationCommandLine" ADD COLUMN "requiresAdministratorRights" BOOLEAN;

-- CreateTable
CREATE TABLE "WarningAcknowledgement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WarningAcknowledgement_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("jobId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "WarningAcknowledgement_jobId_idx" ON "WarningAcknowledgement"("jobId");

