-- No semicolons in comments here: the PostgreSQL adapter splits migration scripts at every semicolon.
-- AlterTable
ALTER TABLE "MentorProfile" ADD COLUMN     "pausedBy" TEXT,
ADD COLUMN     "pausedFrom" TEXT;

-- Pauses that were running before this change: they return to what the mentor was before (approved
-- or not), and a pause counts as the mentor's own only when the mentor set it themselves.
UPDATE "MentorProfile" mp SET
  "pausedFrom" = CASE WHEN mp."approvedAt" IS NULL THEN 'pending' ELSE 'active' END,
  "pausedBy" = CASE WHEN (
    SELECT a."actorId" FROM "AuditLog" a WHERE a."subjectId" = mp."personId" AND a.action = 'mentor.paused' ORDER BY a.at DESC LIMIT 1
  ) = mp."personId" THEN 'self' ELSE 'coordinator' END
WHERE mp.status = 'paused';

-- Nobody approved these mentors: they became active only through an ended holiday (issue 13).
UPDATE "MentorProfile" SET status = 'pending' WHERE status = 'active' AND "approvedAt" IS NULL;

-- Mentorships of people erased before erasure ended them (issue 13) end now, recorded as such. A
-- mentee whose mentor was erased is waiting again, their wait counting from before.
INSERT INTO "MatchEvent" ("id", "matchId", "from", "to", "reason", "actorId", "at")
SELECT gen_random_uuid()::text, "id", "status", 'ended', 'erased', NULL, now() FROM "Match"
WHERE "status" IN ('active', 'paused') AND ("menteeId" LIKE 'anon-%' OR "mentorId" LIKE 'anon-%');
UPDATE "MenteeProfile" SET "status" = 'waiting', "waitingSince" = COALESCE("waitingSince", now())
WHERE "status" = 'matched' AND "personId" IN (SELECT "menteeId" FROM "Match" WHERE "status" IN ('active', 'paused') AND "mentorId" LIKE 'anon-%');
UPDATE "Match" SET "status" = 'ended', "endedAt" = now(), "endReason" = 'erased', "pausedUntil" = NULL
WHERE "status" IN ('active', 'paused') AND ("menteeId" LIKE 'anon-%' OR "mentorId" LIKE 'anon-%');
