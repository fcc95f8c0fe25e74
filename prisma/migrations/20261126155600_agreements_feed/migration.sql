-- DropIndex
DROP INDEX "Agreement_date_id_idx";

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "FeedToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "FeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedToken_tokenHash_key" ON "FeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "FeedToken_userId_idx" ON "FeedToken"("userId");

-- CreateIndex
CREATE INDEX "Agreement_date_id_idx" ON "Agreement"("date", "id");

-- CreateIndex
CREATE INDEX "Agreement_searchVector_idx" ON "Agreement" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "FeedToken" ADD CONSTRAINT "FeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Hand-written below: Prisma's schema cannot express functions or triggers (its diff ignores
-- them), so the drift test still passes. They keep "searchVector" current whoever writes the rows.

-- The weighted document of one agreement: title A, parties and signatories B, summary C, so
-- that ts_rank puts a title match above a summary match.
CREATE FUNCTION agreement_search_vector(agreement_id TEXT, title TEXT, summary TEXT)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', coalesce(
           (SELECT string_agg(p.name, ' ') FROM "AgreementParty" p WHERE p."agreementId" = agreement_id), '')), 'B')
      || setweight(to_tsvector('english', coalesce(
           (SELECT string_agg(s.name || ' ' || s.role, ' ') FROM "Signatory" s WHERE s."agreementId" = agreement_id), '')), 'B')
      || setweight(to_tsvector('english', coalesce(summary, '')), 'C')
$$;

CREATE FUNCTION agreement_search_vector_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := agreement_search_vector(NEW.id, NEW.title, NEW.summary);
  RETURN NEW;
END $$;

CREATE TRIGGER agreement_search_vector BEFORE INSERT OR UPDATE OF title, summary ON "Agreement"
  FOR EACH ROW EXECUTE FUNCTION agreement_search_vector_on_write();

-- Parties and signatories: once per statement, so a bulk insert of N rows recomputes each
-- agreement it touches once, not N times.
CREATE FUNCTION agreement_search_vector_on_child_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE "Agreement" a SET "searchVector" = agreement_search_vector(a.id, a.title, a.summary)
    WHERE a.id IN (SELECT "agreementId" FROM changed UNION SELECT "agreementId" FROM changed_before);
  ELSE
    UPDATE "Agreement" a SET "searchVector" = agreement_search_vector(a.id, a.title, a.summary)
    WHERE a.id IN (SELECT "agreementId" FROM changed);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER agreement_party_search_insert AFTER INSERT ON "AgreementParty"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION agreement_search_vector_on_child_write();
CREATE TRIGGER agreement_party_search_update AFTER UPDATE ON "AgreementParty"
  REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION agreement_search_vector_on_child_write();
CREATE TRIGGER agreement_party_search_delete AFTER DELETE ON "AgreementParty"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION agreement_search_vector_on_child_write();

CREATE TRIGGER signatory_search_insert AFTER INSERT ON "Signatory"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION agreement_search_vector_on_child_write();
CREATE TRIGGER signatory_search_update AFTER UPDATE ON "Signatory"
  REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION agreement_search_vector_on_child_write();
CREATE TRIGGER signatory_search_delete AFTER DELETE ON "Signatory"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION agreement_search_vector_on_child_write();

-- Agreements that exist already.
UPDATE "Agreement" SET "searchVector" = agreement_search_vector(id, title, summary);
