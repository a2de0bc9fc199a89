-- CreateTable
CREATE TABLE "StatusReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "receivedFrom" TEXT,
    "smsId" TEXT NOT NULL,
    "jobReference" TEXT NOT NULL,
    "jobId" TEXT,
    "rawText" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "reportedAt" TEXT,
    "outcome" TEXT NOT NULL,
    "refusalReason" TEXT,
    "heldUntil" TEXT,
    "installStatus" TEXT,
    "description" TEXT,
    "parseError" TEXT
);

-- CreateTable
CREATE TABLE "TargetStatus" (
    "jobId" TEXT NOT NULL,
    "smsId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "warning" TEXT,
    "reportId" INTEGER NOT NULL,
    "reportedAt" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("jobId", "smsId"),
    CONSTRAINT "TargetStatus_jobId_smsId_fkey" FOREIGN KEY ("jobId", "smsId") REFERENCES "JobTarget" ("jobId", "smsId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StatusReport_contentHash_key" ON "StatusReport"("contentHash");

-- CreateIndex
CREATE INDEX "StatusReport_jobId_receivedAt_idx" ON "StatusReport"("jobId", "receivedAt");

-- CreateIndex
CREATE INDEX "StatusReport_outcome_heldUntil_idx" ON "StatusReport"("outcome", "heldUntil");

-- CreateIndex
CREATE INDEX "StatusReport_smsId_idx" ON "StatusReport"("smsId");

-- CreateIndex
CREATE INDEX "TargetStatus_jobId_status_idx" ON "TargetStatus"("jobId", "status");

