-- Data only, so written by hand (the schema engine diffs structure, not rows): Better Auth finds
-- a password by the credential account whose accountId is the user's id. Demo accounts seeded
-- before this change used the email there and could not sign in.
UPDATE "Account" SET "accountId" = "userId" WHERE "providerId" = 'credential' AND "accountId" <> "userId";
