-- CreateEnum
CREATE TYPE "EmailCadence" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "EmailState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "emailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "emailDueAt" TIMESTAMP(3),
ADD COLUMN     "emailError" TEXT,
ADD COLUMN     "emailState" "EmailState",
ADD COLUMN     "emailedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "digestHour" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "digestWeekday" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "email" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailCadence" "EmailCadence" NOT NULL DEFAULT 'IMMEDIATE',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "Alert_emailState_emailDueAt_idx" ON "Alert"("emailState", "emailDueAt");
