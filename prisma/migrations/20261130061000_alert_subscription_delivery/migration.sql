-- A subscriber to a team's alert rule chooses their own webhook and e-mail.
ALTER TABLE "AlertSubscription"
  ADD COLUMN "webhookUrl" TEXT,
  ADD COLUMN "webhookSecret" TEXT,
  ADD COLUMN "email" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "emailCadence" "EmailCadence" NOT NULL DEFAULT 'IMMEDIATE',
  ADD COLUMN "digestHour" INTEGER NOT NULL DEFAULT 8,
  ADD COLUMN "digestWeekday" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';
