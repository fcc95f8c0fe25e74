-- AlterTable: existing rows get their range when ensureRollupsCurrent next refreshes their dyad.
ALTER TABLE "DyadDay" ADD COLUMN     "plausibleHigh" DOUBLE PRECISION,
ADD COLUMN     "plausibleLow" DOUBLE PRECISION;
