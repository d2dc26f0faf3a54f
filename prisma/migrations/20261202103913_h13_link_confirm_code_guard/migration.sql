-- AlterTable
ALTER TABLE "LinkCode" ADD COLUMN     "platform" TEXT,
ADD COLUMN     "redeemerConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "redeemerId" TEXT,
ADD COLUMN     "redeemerPlatform" TEXT;

-- CreateTable
CREATE TABLE "CodeGuard" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockouts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodeGuard_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "LinkCode_redeemerId_idx" ON "LinkCode"("redeemerId");
