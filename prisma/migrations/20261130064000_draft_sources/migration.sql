-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "archive" BOOLEAN,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "fromClusterId" TEXT,
ADD COLUMN     "fromHeadlineId" TEXT,
ADD COLUMN     "provenance" "Provenance" NOT NULL DEFAULT 'ENTERED',
ADD COLUMN     "source" TEXT;

-- CreateIndex
CREATE INDEX "Draft_source_idx" ON "Draft"("source");

-- CreateIndex
CREATE INDEX "Draft_fromHeadlineId_idx" ON "Draft"("fromHeadlineId");

-- CreateIndex
CREATE INDEX "Draft_fromClusterId_idx" ON "Draft"("fromClusterId");
