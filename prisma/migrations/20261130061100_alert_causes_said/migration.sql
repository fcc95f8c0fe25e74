-- Alert causes kept as a key and its arguments, said in each reader's language; older rows keep their English text.
ALTER TABLE "AlertCause" ADD COLUMN "said" JSONB;
ALTER TABLE "Alert" ADD COLUMN "said" JSONB;
