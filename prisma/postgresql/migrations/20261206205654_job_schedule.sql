-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "activateAt" TEXT,
ADD COLUMN     "activationProblem" TEXT,
ADD COLUMN     "repeat" TEXT NOT NULL DEFAULT 'NEVER',
ADD COLUMN     "repeatOfJobId" TEXT;

-- CreateIndex
CREATE INDEX "Job_state_activateAt_idx" ON "Job"("state", "activateAt");

