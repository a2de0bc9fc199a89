-- CreateTable
CREATE TABLE "PackageServer" (
    "packageId" TEXT NOT NULL,
    "serverId" INTEGER NOT NULL,

    CONSTRAINT "PackageServer_pkey" PRIMARY KEY ("packageId","serverId")
);

-- CreateTable
CREATE TABLE "Job" (
    "jobId" TEXT NOT NULL,
    "siteCode" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "priority" TEXT NOT NULL DEFAULT 'MEDIUM',
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "requestId" TEXT,
    "targetKind" TEXT NOT NULL,
    "targetMachinePath" TEXT,
    "targetSmsIds" TEXT NOT NULL DEFAULT '',
    "targetMachineGroupId" INTEGER,
    "limitToSiteCode" TEXT,
    "includeSubsites" BOOLEAN NOT NULL DEFAULT false,
    "targetPlatforms" TEXT NOT NULL DEFAULT '',
    "targetPcmVariants" TEXT NOT NULL DEFAULT '',
    "isSendPhase" BOOLEAN NOT NULL DEFAULT true,
    "sendEvenIfPreviouslySent" BOOLEAN NOT NULL DEFAULT false,
    "putOnSpecifiedServers" BOOLEAN NOT NULL DEFAULT false,
    "serverGroupId" INTEGER,
    "refreshExistingServers" BOOLEAN NOT NULL DEFAULT false,
    "isRunPhase" BOOLEAN NOT NULL DEFAULT true,
    "commandLineId" INTEGER,
    "offerAfter" TEXT,
    "isMandatory" BOOLEAN NOT NULL DEFAULT false,
    "mandatoryAfter" TEXT,
    "notMandatoryOverSlowLink" BOOLEAN NOT NULL DEFAULT false,
    "isExpiring" BOOLEAN NOT NULL DEFAULT false,
    "expireAfter" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("jobId")
);

-- CreateTable
CREATE TABLE "JobTarget" (
    "jobId" TEXT NOT NULL,
    "smsId" TEXT NOT NULL,

    CONSTRAINT "JobTarget_pkey" PRIMARY KEY ("jobId","smsId")
);

-- CreateTable
CREATE TABLE "JobServer" (
    "jobId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "serverName" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "serverType" INTEGER NOT NULL,
    "zone" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "JobServer_pkey" PRIMARY KEY ("jobId","position")
);

-- CreateTable
CREATE TABLE "JobTransition" (
    "id" SERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "JobTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PackageServer_serverId_idx" ON "PackageServer"("serverId");

-- CreateIndex
CREATE UNIQUE INDEX "Job_requestId_key" ON "Job"("requestId");

-- CreateIndex
CREATE INDEX "Job_state_idx" ON "Job"("state");

-- CreateIndex
CREATE INDEX "Job_packageId_idx" ON "Job"("packageId");

-- CreateIndex
CREATE INDEX "JobTarget_smsId_idx" ON "JobTarget"("smsId");

-- CreateIndex
CREATE INDEX "JobTransition_jobId_idx" ON "JobTransition"("jobId");

-- AddForeignKey
ALTER TABLE "PackageServer" ADD CONSTRAINT "PackageServer_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package"("packageId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageServer" ADD CONSTRAINT "PackageServer_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_siteCode_fkey" FOREIGN KEY ("siteCode") REFERENCES "Site"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package"("packageId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_targetMachineGroupId_fkey" FOREIGN KEY ("targetMachineGroupId") REFERENCES "MachineGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_serverGroupId_fkey" FOREIGN KEY ("serverGroupId") REFERENCES "MachineGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_commandLineId_fkey" FOREIGN KEY ("commandLineId") REFERENCES "WorkstationCommandLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobTarget" ADD CONSTRAINT "JobTarget_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("jobId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobTarget" ADD CONSTRAINT "JobTarget_smsId_fkey" FOREIGN KEY ("smsId") REFERENCES "Computer"("smsId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobServer" ADD CONSTRAINT "JobServer_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("jobId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobTransition" ADD CONSTRAINT "JobTransition_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("jobId") ON DELETE CASCADE ON UPDATE CASCADE;

