-- CreateEnum
CREATE TYPE "NoteSubject" AS ENUM ('EVENT', 'AGREEMENT', 'DYAD_DAY');

-- CreateTable
CREATE TABLE "AnalystNote" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "subject" "NoteSubject" NOT NULL,
    "eventId" TEXT,
    "agreementId" TEXT,
    "dyadId" TEXT,
    "day" DATE,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalystNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnalystNote_ownerId_idx" ON "AnalystNote"("ownerId");

-- CreateIndex
CREATE INDEX "AnalystNote_teamId_idx" ON "AnalystNote"("teamId");

-- CreateIndex
CREATE INDEX "AnalystNote_eventId_idx" ON "AnalystNote"("eventId");

-- CreateIndex
CREATE INDEX "AnalystNote_agreementId_idx" ON "AnalystNote"("agreementId");

-- CreateIndex
CREATE INDEX "AnalystNote_dyadId_day_idx" ON "AnalystNote"("dyadId", "day");

-- AddForeignKey
ALTER TABLE "AnalystNote" ADD CONSTRAINT "AnalystNote_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalystNote" ADD CONSTRAINT "AnalystNote_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalystNote" ADD CONSTRAINT "AnalystNote_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalystNote" ADD CONSTRAINT "AnalystNote_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalystNote" ADD CONSTRAINT "AnalystNote_dyadId_fkey" FOREIGN KEY ("dyadId") REFERENCES "Dyad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A note is about exactly the thing its subject names; a day note has its dyad and day.
ALTER TABLE "AnalystNote" ADD CONSTRAINT "AnalystNote_subject_check" CHECK (
    ("subject" = 'EVENT') = ("eventId" IS NOT NULL)
    AND ("subject" = 'AGREEMENT') = ("agreementId" IS NOT NULL)
    AND ("subject" <> 'DYAD_DAY' OR ("dyadId" IS NOT NULL AND "day" IS NOT NULL))
);
