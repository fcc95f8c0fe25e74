-- CreateTable
CREATE TABLE "AutoAcceptRule" (
    "dyadId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "minSources" INTEGER NOT NULL,
    "minGoldstein" DOUBLE PRECISION NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutoAcceptRule_pkey" PRIMARY KEY ("dyadId")
);

-- AddForeignKey
ALTER TABLE "AutoAcceptRule" ADD CONSTRAINT "AutoAcceptRule_dyadId_fkey" FOREIGN KEY ("dyadId") REFERENCES "Dyad"("id") ON DELETE CASCADE ON UPDATE CASCADE;
