-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "answer" TEXT,
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "grade" TEXT,
ADD COLUMN     "topic" TEXT;
