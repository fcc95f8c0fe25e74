-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "webhookTestError" TEXT,
ADD COLUMN     "webhookTestStatus" INTEGER,
ADD COLUMN     "webhookTestedAt" TIMESTAMP(3);
