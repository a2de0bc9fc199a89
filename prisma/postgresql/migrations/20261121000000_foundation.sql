-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Site" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" TEXT,
    "smsVersion" TEXT NOT NULL,
    "servicePack" INTEGER NOT NULL DEFAULT 0,
    "pcmPollingIntervalMinutes" INTEGER NOT NULL,
    "inventoryIntervalDays" INTEGER NOT NULL DEFAULT 7,
    "isPcmEnabled" BOOLEAN NOT NULL DEFAULT true,
    "nextPackageNumber" INTEGER NOT NULL DEFAULT 0,
    "nextJobNumber" INTEGER NOT NULL DEFAULT 0,
    "nextRequestNumber" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Server" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "siteCode" TEXT NOT NULL,
    "isLogonServer" BOOLEAN NOT NULL DEFAULT false,
    "isDistributionServer" BOOLEAN NOT NULL DEFAULT false,
    "packageShare" TEXT NOT NULL,
    "serverType" INTEGER NOT NULL DEFAULT 2,
    "fileSystem" TEXT NOT NULL DEFAULT 'NTFS',
    "hasServicesForMacintosh" BOOLEAN NOT NULL DEFAULT false,
    "macintoshZone" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Server_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Computer" (
    "smsId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "siteCode" TEXT NOT NULL,
    "logonServerId" INTEGER,
    "platform" TEXT NOT NULL,
    "osVersion" TEXT NOT NULL DEFAULT '',
    "ntRole" TEXT,
    "ntDomain" TEXT,
    "smsClientVersion" TEXT NOT NULL,
    "smsClientServicePack" INTEGER NOT NULL DEFAULT 0,
    "pcmVariant" TEXT NOT NULL,
    "isPcmServiceInstalled" BOOLEAN NOT NULL DEFAULT false,
    "pcmServiceFileDate" TEXT,
    "pcmServiceInstallDirectory" TEXT,
    "pcmServiceStartType" TEXT,
    "isPcmServiceRunning" BOOLEAN NOT NULL DEFAULT false,
    "pcmServiceAccountIsLocalAdmin" BOOLEAN NOT NULL DEFAULT false,
    "pcmServiceAccountCanLogOnAsService" BOOLEAN NOT NULL DEFAULT false,
    "pcmServiceAccountCanReadShares" BOOLEAN NOT NULL DEFAULT false,
    "pcmServiceAccountIsDomainAdmin" BOOLEAN NOT NULL DEFAULT false,
    "networkLink" TEXT NOT NULL DEFAULT 'FAST',
    "lastInventoryAt" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Computer_pkey" PRIMARY KEY ("smsId")
);

-- CreateTable
CREATE TABLE "MachineGroup" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MachineGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MachineGroupMember" (
    "machineGroupId" INTEGER NOT NULL,
    "smsId" TEXT NOT NULL,

    CONSTRAINT "MachineGroupMember_pkey" PRIMARY KEY ("machineGroupId","smsId")
);

-- CreateTable
CREATE TABLE "MachineGroupServer" (
    "machineGroupId" INTEGER NOT NULL,
    "serverId" INTEGER NOT NULL,

    CONSTRAINT "MachineGroupServer_pkey" PRIMARY KEY ("machineGroupId","serverId")
);

-- CreateTable
CREATE TABLE "Package" (
    "packageId" TEXT NOT NULL,
    "siteCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "sourceDirectory" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Package_pkey" PRIMARY KEY ("packageId")
);

-- CreateTable
CREATE TABLE "WorkstationCommandLine" (
    "id" SERIAL NOT NULL,
    "packageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "commandName" TEXT NOT NULL,
    "commandLine" TEXT NOT NULL,
    "isAutomated" BOOLEAN NOT NULL DEFAULT false,
    "isSystemTask" BOOLEAN NOT NULL DEFAULT false,
    "isUserInputRequired" BOOLEAN,
    "isSynchronousSystemExitRequired" BOOLEAN NOT NULL DEFAULT false,
    "supportedPlatforms" TEXT NOT NULL DEFAULT '',
    "restartsComputer" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "WorkstationCommandLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Server_name_key" ON "Server"("name");

-- CreateIndex
CREATE INDEX "Server_siteCode_idx" ON "Server"("siteCode");

-- CreateIndex
CREATE INDEX "Computer_siteCode_idx" ON "Computer"("siteCode");

-- CreateIndex
CREATE INDEX "Computer_platform_idx" ON "Computer"("platform");

-- CreateIndex
CREATE INDEX "Computer_pcmVariant_idx" ON "Computer"("pcmVariant");

-- CreateIndex
CREATE INDEX "Computer_name_idx" ON "Computer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "MachineGroup_name_key" ON "MachineGroup"("name");

-- CreateIndex
CREATE INDEX "MachineGroupMember_smsId_idx" ON "MachineGroupMember"("smsId");

-- CreateIndex
CREATE INDEX "MachineGroupServer_serverId_idx" ON "MachineGroupServer"("serverId");

-- CreateIndex
CREATE INDEX "Package_name_idx" ON "Package"("name");

-- CreateIndex
CREATE UNIQUE INDEX "WorkstationCommandLine_packageId_commandName_key" ON "WorkstationCommandLine"("packageId", "commandName");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Site"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Server" ADD CONSTRAINT "Server_siteCode_fkey" FOREIGN KEY ("siteCode") REFERENCES "Site"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Computer" ADD CONSTRAINT "Computer_siteCode_fkey" FOREIGN KEY ("siteCode") REFERENCES "Site"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Computer" ADD CONSTRAINT "Computer_logonServerId_fkey" FOREIGN KEY ("logonServerId") REFERENCES "Server"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineGroupMember" ADD CONSTRAINT "MachineGroupMember_machineGroupId_fkey" FOREIGN KEY ("machineGroupId") REFERENCES "MachineGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineGroupMember" ADD CONSTRAINT "MachineGroupMember_smsId_fkey" FOREIGN KEY ("smsId") REFERENCES "Computer"("smsId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineGroupServer" ADD CONSTRAINT "MachineGroupServer_machineGroupId_fkey" FOREIGN KEY ("machineGroupId") REFERENCES "MachineGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineGroupServer" ADD CONSTRAINT "MachineGroupServer_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Package" ADD CONSTRAINT "Package_siteCode_fkey" FOREIGN KEY ("siteCode") REFERENCES "Site"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkstationCommandLine" ADD CONSTRAINT "WorkstationCommandLine_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package"("packageId") ON DELETE CASCADE ON UPDATE CASCADE;

