-- Alert rule kinds (c) unusual change, (d) event score, (e) agreement filter.
ALTER TYPE "AlertKind" ADD VALUE IF NOT EXISTS 'UNUSUAL';
ALTER TYPE "AlertKind" ADD VALUE IF NOT EXISTS 'EVENT_SCORE';
ALTER TYPE "AlertKind" ADD VALUE IF NOT EXISTS 'AGREEMENT_FILTER';

-- AlterTable
ALTER TABLE "Alert" ALTER COLUMN "dyadId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "AlertOutbox" ADD COLUMN     "records" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "filter" JSONB,
ALTER COLUMN "dyadId" DROP NOT NULL;
