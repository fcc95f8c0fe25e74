-- AlterTable
ALTER TABLE "AlertCause" ADD COLUMN     "link" TEXT;

-- CreateTable
CREATE TABLE "AlertOutbox" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "recordId" TEXT,
    "moves" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "AlertOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertOutbox_key_key" ON "AlertOutbox"("key");

-- CreateIndex
CREATE INDEX "AlertOutbox_settledAt_id_idx" ON "AlertOutbox"("settledAt", "id");
