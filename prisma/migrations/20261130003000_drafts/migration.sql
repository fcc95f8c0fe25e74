-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('PENDING', 'RETURNED', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DraftRecordType" AS ENUM ('Event', 'Condition', 'Agreement');

-- AlterEnum: drafted, returned, published and withdrawn drafts in the audit log
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'DRAFT';
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'RETURN';
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'PUBLISH';
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'WITHDRAW';

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL,
    "recordType" "DraftRecordType" NOT NULL,
    "recordId" TEXT,
    "baseVersion" INTEGER,
    "values" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "status" "DraftStatus" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT,
    "reviewerId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Draft_status_createdAt_idx" ON "Draft"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Draft_authorId_status_idx" ON "Draft"("authorId", "status");

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
