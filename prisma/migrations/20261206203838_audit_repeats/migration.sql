-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT,
    "address" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "detail" TEXT,
    "repeatKey" TEXT,
    "repeats" INTEGER NOT NULL DEFAULT 1,
    "lastAt" DATETIME
);
INSERT INTO "new_AuditEvent" ("action", "actorName", "actorRole", "actorUserId", "address", "after", "at", "before", "detail", "id", "objectId", "objectType", "outcome") SELECT "action", "actorName", "actorRole", "actorUserId", "address", "after", "at", "before", "detail", "id", "objectId", "objectType", "outcome" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE INDEX "AuditEvent_actorName_at_idx" ON "AuditEvent"("actorName", "at");
CREATE INDEX "AuditEvent_objectType_objectId_at_idx" ON "AuditEvent"("objectType", "objectId", "at");
CREATE INDEX "AuditEvent_repeatKey_at_idx" ON "AuditEvent"("repeatKey", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

