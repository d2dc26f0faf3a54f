-- AlterTable
ALTER TABLE "Outcome" ADD COLUMN     "confirmedAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "confirmedBy" TEXT;

-- Outcomes written before this column existed were counted: confirmed when they were written.
UPDATE "Outcome" SET "confirmedAt" = "createdAt";
