-- CreateTable
CREATE TABLE "DyadDay" (
    "dyadId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "eventSum" DOUBLE PRECISION NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "pulse" DOUBLE PRECISION NOT NULL,
    "ledger" DOUBLE PRECISION NOT NULL,
    "index" DOUBLE PRECISION NOT NULL,
    "change30" DOUBLE PRECISION,
    "c30Count" INTEGER NOT NULL,
    "c30Sum" DOUBLE PRECISION NOT NULL,
    "c30SumSq" DOUBLE PRECISION NOT NULL,
    "methodVersion" TEXT NOT NULL,

    CONSTRAINT "DyadDay_pkey" PRIMARY KEY ("dyadId","day")
);

-- AddForeignKey
ALTER TABLE "DyadDay" ADD CONSTRAINT "DyadDay_dyadId_fkey" FOREIGN KEY ("dyadId") REFERENCES "Dyad"("id") ON DELETE CASCADE ON UPDATE CASCADE;
