-- DyadDay is derived data: empty it so the new NOT NULL columns need no default. The app
-- rebuilds a dyad with no rows on the next read (server/relations/rollup.ts ensureRollupsCurrent).
DELETE FROM "DyadDay";

-- AlterTable
ALTER TABLE "DyadDay" ADD COLUMN     "iSum" DOUBLE PRECISION NOT NULL,
ADD COLUMN     "tiSum" DOUBLE PRECISION NOT NULL;
