-- CreateTable
CREATE TABLE "InventoryQuery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "conditions" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MachineGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "queryId" INTEGER,
    CONSTRAINT "MachineGroup_queryId_fkey" FOREIGN KEY ("queryId") REFERENCES "InventoryQuery" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_MachineGroup" ("comment", "createdAt", "id", "name", "updatedAt", "version") SELECT "comment", "createdAt", "id", "name", "updatedAt", "version" FROM "MachineGroup";
DROP TABLE "MachineGroup";
ALTER TABLE "new_MachineGroup" RENAME TO "MachineGroup";
CREATE UNIQUE INDEX "MachineGroup_name_key" ON "MachineGroup"("name");
CREATE TABLE "new_Job" (
    "jobId" TEXT NOT NULL PRIMARY KEY,
    "siteCode" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "priority" TEXT NOT NULL DEFAULT 'MEDIUM',
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "jobType" TEXT NOT NULL DEFAULT 'RUN_COMMAND_ON_WORKSTATION',
    "requestId" TEXT,
    "targetKind" TEXT NOT NULL,
    "targetServerNames" TEXT NOT NULL DEFAULT '',
    "targetMachinePath" TEXT,
    "targetSmsIds" TEXT NOT NULL DEFAULT '',
    "targetMachineGroupId" INTEGER,
    "targetQueryId" INTEGER,
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
    "reviewAtSend" TEXT,
    "activateAt" TEXT,
    "repeat" TEXT NOT NULL DEFAULT 'NEVER',
    "repeatOfJobId" TEXT,
    "activationProblem" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Job_siteCode_fkey" FOREIGN KEY ("siteCode") REFERENCES "Site" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package" ("packageId") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_targetMachineGroupId_fkey" FOREIGN KEY ("targetMachineGroupId") REFERENCES "MachineGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_targetQueryId_fkey" FOREIGN KEY ("targetQueryId") REFERENCES "InventoryQuery" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_serverGroupId_fkey" FOREIGN KEY ("serverGroupId") REFERENCES "MachineGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_commandLineId_fkey" FOREIGN KEY ("commandLineId") REFERENCES "WorkstationCommandLine" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("activateAt", "activationProblem", "commandLineId", "comment", "createdAt", "expireAfter", "includeSubsites", "isExpiring", "isMandatory", "isRunPhase", "isSendPhase", "jobId", "jobType", "limitToSiteCode", "mandatoryAfter", "notMandatoryOverSlowLink", "offerAfter", "packageId", "priority", "putOnSpecifiedServers", "refreshExistingServers", "repeat", "repeatOfJobId", "requestId", "reviewAtSend", "sendEvenIfPreviouslySent", "serverGroupId", "siteCode", "state", "targetKind", "targetMachineGroupId", "targetMachinePath", "targetPcmVariants", "targetPlatforms", "targetServerNames", "targetSmsIds", "updatedAt", "version") SELECT "activateAt", "activationProblem", "commandLineId", "comment", "createdAt", "expireAfter", "includeSubsites", "isExpiring", "isMandatory", "isRunPhase", "isSendPhase", "jobId", "jobType", "limitToSiteCode", "mandatoryAfter", "notMandatoryOverSlowLink", "offerAfter", "packageId", "priority", "putOnSpecifiedServers", "refreshExistingServers", "repeat", "repeatOfJobId", "requestId", "reviewAtSend", "sendEvenIfPreviouslySent", "serverGroupId", "siteCode", "state", "targetKind", "targetMachineGroupId", "targetMachinePath", "targetPcmVariants", "targetPlatforms", "targetServerNames", "targetSmsIds", "updatedAt", "version" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE UNIQUE INDEX "Job_requestId_key" ON "Job"("requestId");
CREATE INDEX "Job_state_idx" ON "Job"("state");
CREATE INDEX "Job_state_activateAt_idx" ON "Job"("state", "activateAt");
CREATE INDEX "Job_packageId_idx" ON "Job"("packageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "InventoryQuery_name_key" ON "InventoryQuery"("name");

