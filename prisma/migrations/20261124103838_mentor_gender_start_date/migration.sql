-- AlterTable
ALTER TABLE "MenteeProfile" ADD COLUMN     "availableFrom" TEXT;

-- AlterTable
ALTER TABLE "MentorProfile" ADD COLUMN     "ageGroup" TEXT,
ADD COLUMN     "gender" TEXT;
