-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "fromEventId" TEXT;

-- CreateTable
CREATE TABLE "ConditionEvent" (
    "conditionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConditionEvent_pkey" PRIMARY KEY ("conditionId","eventId")
);

-- CreateIndex
CREATE INDEX "ConditionEvent_eventId_idx" ON "ConditionEvent"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Draft_fromEventId_key" ON "Draft"("fromEventId");

-- AddForeignKey
ALTER TABLE "ConditionEvent" ADD CONSTRAINT "ConditionEvent_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionEvent" ADD CONSTRAINT "ConditionEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;
