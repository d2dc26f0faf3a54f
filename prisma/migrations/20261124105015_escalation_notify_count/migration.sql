-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "notifyCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Escalation_status_lastNotifiedAt_idx" ON "Escalation"("status", "lastNotifiedAt");
