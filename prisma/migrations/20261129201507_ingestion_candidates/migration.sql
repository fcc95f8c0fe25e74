-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'CORROBORATING');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Provenance" ADD VALUE 'GDELT';
ALTER TYPE "Provenance" ADD VALUE 'FEED';

-- CreateTable
CREATE TABLE "IngestFile" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "size" INTEGER NOT NULL,
    "md5" CHAR(32) NOT NULL,
    "rowsRead" INTEGER NOT NULL,
    "rowsKept" INTEGER NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateCluster" (
    "id" TEXT NOT NULL,
    "dyadId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "rootCode" VARCHAR(2) NOT NULL,
    "actorCode" CHAR(3) NOT NULL,
    "targetCode" CHAR(3) NOT NULL,
    "status" "CandidateStatus" NOT NULL DEFAULT 'PENDING',
    "eventId" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "automated" BOOLEAN NOT NULL DEFAULT false,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateReport" (
    "id" TEXT NOT NULL,
    "globalEventId" BIGINT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "cameoCode" VARCHAR(4) NOT NULL,
    "goldstein" DOUBLE PRECISION NOT NULL,
    "numMentions" INTEGER NOT NULL,
    "numSources" INTEGER NOT NULL,
    "numArticles" INTEGER NOT NULL,
    "avgTone" DOUBLE PRECISION NOT NULL,
    "sourceUrl" TEXT,
    "placeName" TEXT,
    "placeLat" DOUBLE PRECISION,
    "placeLon" DOUBLE PRECISION,
    "dateAdded" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IngestFile_url_key" ON "IngestFile"("url");

-- CreateIndex
CREATE INDEX "IngestFile_slot_idx" ON "IngestFile"("slot");

-- CreateIndex
CREATE INDEX "CandidateCluster_status_lastSeenAt_idx" ON "CandidateCluster"("status", "lastSeenAt");

-- CreateIndex
CREATE INDEX "CandidateCluster_eventId_idx" ON "CandidateCluster"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateCluster_dyadId_day_rootCode_actorCode_targetCode_key" ON "CandidateCluster"("dyadId", "day", "rootCode", "actorCode", "targetCode");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateReport_globalEventId_key" ON "CandidateReport"("globalEventId");

-- CreateIndex
CREATE INDEX "CandidateReport_clusterId_idx" ON "CandidateReport"("clusterId");

-- CreateIndex
CREATE INDEX "CandidateReport_fileId_idx" ON "CandidateReport"("fileId");

-- AddForeignKey
ALTER TABLE "CandidateCluster" ADD CONSTRAINT "CandidateCluster_dyadId_fkey" FOREIGN KEY ("dyadId") REFERENCES "Dyad"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateCluster" ADD CONSTRAINT "CandidateCluster_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateCluster" ADD CONSTRAINT "CandidateCluster_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateReport" ADD CONSTRAINT "CandidateReport_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "CandidateCluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateReport" ADD CONSTRAINT "CandidateReport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "IngestFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
