-- CreateEnum
CREATE TYPE "FeedLanguage" AS ENUM ('fr', 'en', 'ar');

-- CreateEnum
CREATE TYPE "HeadlineStatus" AS ENUM ('NEW', 'USED', 'DISMISSED');

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE IF NOT EXISTS 'DELETE';

-- CreateTable
CREATE TABLE "NewsFeed" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "language" "FeedLanguage" NOT NULL,
    "countryCode" CHAR(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastPolledAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Headline" (
    "id" TEXT NOT NULL,
    "feedId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "summary" TEXT,
    "publishedAt" TIMESTAMP(3),
    "listedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "language" "FeedLanguage" NOT NULL,
    "countryCodes" TEXT[],
    "status" "HeadlineStatus" NOT NULL DEFAULT 'NEW',
    "eventId" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Headline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountryKeywords" (
    "countryCode" CHAR(3) NOT NULL,
    "fr" TEXT[],
    "en" TEXT[],
    "ar" TEXT[],
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CountryKeywords_pkey" PRIMARY KEY ("countryCode")
);

-- CreateIndex
CREATE UNIQUE INDEX "NewsFeed_url_key" ON "NewsFeed"("url");

-- CreateIndex
CREATE INDEX "Headline_listedAt_idx" ON "Headline"("listedAt");

-- CreateIndex
CREATE INDEX "Headline_status_listedAt_idx" ON "Headline"("status", "listedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Headline_feedId_itemKey_key" ON "Headline"("feedId", "itemKey");

-- AddForeignKey
ALTER TABLE "Headline" ADD CONSTRAINT "Headline_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "NewsFeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;
