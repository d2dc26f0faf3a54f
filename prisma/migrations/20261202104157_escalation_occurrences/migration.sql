-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "lastEventKey" TEXT,
ADD COLUMN     "lastSeenAt" TIMESTAMP(3),
ADD COLUMN     "occurrences" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "openKey" TEXT,
ADD COLUMN     "severityRaised" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_openKey_key" ON "Escalation"("openKey");

-- Unresolved risk alerts from before: the newest per person becomes the one later messages fold into.
UPDATE "Escalation" SET "openKey" = 'risk:' || "personId"
WHERE "id" IN (
  SELECT DISTINCT ON ("personId") "id" FROM "Escalation"
  WHERE "kind" = 'risk' AND "status" <> 'resolved' AND "personId" IS NOT NULL
  ORDER BY "personId", "createdAt" DESC
);
