-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "lastAt" TIMESTAMP(3),
ADD COLUMN     "repeatKey" TEXT,
ADD COLUMN     "repeats" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "AuditEvent_repeatKey_at_idx" ON "AuditEvent"("repeatKey", "at");

