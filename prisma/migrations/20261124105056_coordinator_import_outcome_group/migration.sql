-- AlterTable
ALTER TABLE "MentorProfile" ADD COLUMN     "importKey" TEXT;

-- AlterTable
ALTER TABLE "Outcome" ADD COLUMN     "targetGroup" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MentorProfile_importKey_key" ON "MentorProfile"("importKey");
