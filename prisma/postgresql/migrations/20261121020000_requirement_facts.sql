-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "businessDays" TEXT,
ADD COLUMN     "businessHoursEnd" TEXT,
ADD COLUMN     "businessHoursStart" TEXT,
ADD COLUMN     "isDaylightSavingAdjusted" BOOLEAN,
ADD COLUMN     "siteServerFreeDiskMegabytes" INTEGER,
ADD COLUMN     "utcOffsetMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Server" ADD COLUMN     "isRemovedFromHierarchy" BOOLEAN;

-- AlterTable
ALTER TABLE "Computer" ADD COLUMN     "clockOffsetSeconds" INTEGER,
ADD COLUMN     "disableRandomPcmServers" TEXT,
ADD COLUMN     "hasDuplicateSmsId" BOOLEAN,
ADD COLUMN     "hasInteractiveUsers" BOOLEAN,
ADD COLUMN     "installedPcmHotfixes" TEXT,
ADD COLUMN     "isDaylightSavingAdjusted" BOOLEAN,
ADD COLUMN     "isNetwareNetxClient" BOOLEAN,
ADD COLUMN     "isPcmServiceDirectoryUserWritable" BOOLEAN,
ADD COLUMN     "isPcmwin32AutoStart" BOOLEAN,
ADD COLUMN     "pcmServiceAccount" TEXT,
ADD COLUMN     "usersAreLocalAdministrators" BOOLEAN,
ADD COLUMN     "utcOffsetMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Package" ADD COLUMN     "hasLongFileNames" BOOLEAN,
ADD COLUMN     "hasSourceChangedSinceLastSend" BOOLEAN,
ADD COLUMN     "isSourceOnNtfs" BOOLEAN,
ADD COLUMN     "sourceFileCount" INTEGER,
ADD COLUMN     "sourceSizeMegabytes" INTEGER;

-- AlterTable
ALTER TABLE "WorkstationCommandLine" ADD COLUMN     "requiresAdministratorRights" BOOLEAN;

-- CreateTable
CREATE TABLE "WarningAcknowledgement" (
    "id" SERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WarningAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WarningAcknowledgement_jobId_idx" ON "WarningAcknowledgement"("jobId");

-- AddForeignKey
ALTER TABLE "WarningAcknowledgement" ADD CONSTRAINT "WarningAcknowledgement_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("jobId") ON DELETE CASCADE ON UPDATE CASCADE;

