-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TerritoryStatus" AS ENUM ('SOVEREIGN_STATE', 'DISPUTED_TERRITORY');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'QUARTER', 'SEASON', 'YEAR');

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'MINISTER', 'AMBASSADOR', 'LEGISLATURE', 'NON_STATE');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('CONFIRMED', 'REPORTED', 'UNVERIFIED');

-- CreateEnum
CREATE TYPE "Provenance" AS ENUM ('SEEDED', 'ENTERED', 'IMPORTED');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'REVIEWED');

-- CreateEnum
CREATE TYPE "ConditionKind" AS ENUM ('RELATIONS_SEVERED', 'AMBASSADOR_WITHDRAWN', 'AIRSPACE_CLOSED', 'ENERGY_ROUTE_CLOSED', 'TRADE_ROUTE_CLOSED', 'VISA_REGIME', 'PARTNERSHIP_DECLARATION');

-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('ACTION_PLAN', 'PROTOCOL', 'FRAMEWORK_AGREEMENT', 'DECLARATION_OF_INTENT', 'JOINT_DECLARATION', 'LOAN', 'TREATY', 'MOU');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('ANTICIPATED', 'SIGNED', 'RATIFIED', 'IN_FORCE', 'SUSPENDED', 'EXPIRED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "PartyKind" AS ENUM ('STATE', 'PUBLIC_BODY', 'COMPANY', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('analyst', 'admin');

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('OWNER', 'MEMBER');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE', 'IMPORT');

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "status" "TerritoryStatus" NOT NULL DEFAULT 'SOVEREIGN_STATE',
    "statusNote" TEXT,
    "capitalName" TEXT,
    "capitalLat" DOUBLE PRECISION,
    "capitalLon" DOUBLE PRECISION,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Dyad" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "countryA" CHAR(3) NOT NULL,
    "countryB" CHAR(3) NOT NULL,
    "tracked" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Dyad_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "placementDate" DATE NOT NULL,
    "dyadId" TEXT NOT NULL,
    "actorCode" CHAR(3) NOT NULL,
    "targetCode" CHAR(3) NOT NULL,
    "cameoCode" VARCHAR(4) NOT NULL,
    "overrideKey" TEXT,
    "scoreOverride" DOUBLE PRECISION,
    "overrideReason" TEXT,
    "level" "Level" NOT NULL,
    "verification" "VerificationStatus" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "methodVersion" TEXT NOT NULL,
    "placeName" TEXT,
    "placeLat" DOUBLE PRECISION,
    "placeLon" DOUBLE PRECISION,
    "provenance" "Provenance" NOT NULL DEFAULT 'ENTERED',
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'REVIEWED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Condition" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "dyadId" TEXT NOT NULL,
    "kind" "ConditionKind" NOT NULL,
    "holderCode" CHAR(3),
    "points" DOUBLE PRECISION NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "startDate" DATE NOT NULL,
    "startPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "endDate" DATE,
    "endPrecision" "DatePrecision",
    "verification" "VerificationStatus" NOT NULL,
    "provenance" "Provenance" NOT NULL DEFAULT 'ENTERED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "summary" TEXT,
    "dyadId" TEXT,
    "status" "AgreementStatus" NOT NULL,
    "date" DATE,
    "datePrecision" "DatePrecision",
    "placeName" TEXT,
    "placeLat" DOUBLE PRECISION,
    "placeLon" DOUBLE PRECISION,
    "sectors" TEXT[],
    "provenance" "Provenance" NOT NULL DEFAULT 'ENTERED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementParty" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartyKind" NOT NULL,
    "countryCode" CHAR(3),
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgreementParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signatory" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "onBehalfOf" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Signatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementStatusChange" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "status" "AgreementStatus" NOT NULL,
    "date" DATE,
    "datePrecision" "DatePrecision",
    "note" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementAmount" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "label" TEXT NOT NULL,
    "approximate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AgreementAmount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventAgreement" (
    "eventId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,

    CONSTRAINT "EventAgreement_pkey" PRIMARY KEY ("eventId","agreementId")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "publishedOn" DATE,
    "eventId" TEXT,
    "conditionId" TEXT,
    "agreementId" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'analyst',
    "banned" BOOLEAN NOT NULL DEFAULT false,
    "banReason" TEXT,
    "banExpires" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "impersonatedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "password" TEXT,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "TeamRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "state" JSONB NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" "AuditAction" NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dyad_key_key" ON "Dyad"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Dyad_countryA_countryB_key" ON "Dyad"("countryA", "countryB");

-- CreateIndex
CREATE UNIQUE INDEX "Event_externalId_key" ON "Event"("externalId");

-- CreateIndex
CREATE INDEX "Event_dyadId_placementDate_idx" ON "Event"("dyadId", "placementDate");

-- CreateIndex
CREATE INDEX "Event_date_idx" ON "Event"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Condition_externalId_key" ON "Condition"("externalId");

-- CreateIndex
CREATE INDEX "Condition_dyadId_startDate_idx" ON "Condition"("dyadId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_externalId_key" ON "Agreement"("externalId");

-- CreateIndex
CREATE INDEX "Agreement_date_id_idx" ON "Agreement"("date" DESC, "id");

-- CreateIndex
CREATE INDEX "Agreement_dyadId_date_idx" ON "Agreement"("dyadId", "date");

-- CreateIndex
CREATE INDEX "Agreement_status_idx" ON "Agreement"("status");

-- CreateIndex
CREATE INDEX "Agreement_sectors_idx" ON "Agreement" USING GIN ("sectors");

-- CreateIndex
CREATE INDEX "AgreementParty_agreementId_idx" ON "AgreementParty"("agreementId");

-- CreateIndex
CREATE INDEX "AgreementParty_countryCode_idx" ON "AgreementParty"("countryCode");

-- CreateIndex
CREATE INDEX "Signatory_agreementId_idx" ON "Signatory"("agreementId");

-- CreateIndex
CREATE INDEX "AgreementStatusChange_agreementId_recordedAt_idx" ON "AgreementStatusChange"("agreementId", "recordedAt");

-- CreateIndex
CREATE INDEX "AgreementAmount_agreementId_idx" ON "AgreementAmount"("agreementId");

-- CreateIndex
CREATE INDEX "EventAgreement_agreementId_idx" ON "EventAgreement"("agreementId");

-- CreateIndex
CREATE INDEX "Source_eventId_idx" ON "Source"("eventId");

-- CreateIndex
CREATE INDEX "Source_conditionId_idx" ON "Source"("conditionId");

-- CreateIndex
CREATE INDEX "Source_agreementId_idx" ON "Source"("agreementId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_providerId_accountId_key" ON "Account"("providerId", "accountId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE INDEX "SavedView_ownerId_idx" ON "SavedView"("ownerId");

-- CreateIndex
CREATE INDEX "SavedView_teamId_idx" ON "SavedView"("teamId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "Dyad" ADD CONSTRAINT "Dyad_countryA_fkey" FOREIGN KEY ("countryA") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dyad" ADD CONSTRAINT "Dyad_countryB_fkey" FOREIGN KEY ("countryB") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_dyadId_fkey" FOREIGN KEY ("dyadId") REFERENCES "Dyad"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_actorCode_fkey" FOREIGN KEY ("actorCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_targetCode_fkey" FOREIGN KEY ("targetCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_dyadId_fkey" FOREIGN KEY ("dyadId") REFERENCES "Dyad"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_holderCode_fkey" FOREIGN KEY ("holderCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_dyadId_fkey" FOREIGN KEY ("dyadId") REFERENCES "Dyad"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementStatusChange" ADD CONSTRAINT "AgreementStatusChange_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAmount" ADD CONSTRAINT "AgreementAmount_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventAgreement" ADD CONSTRAINT "EventAgreement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventAgreement" ADD CONSTRAINT "EventAgreement_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
