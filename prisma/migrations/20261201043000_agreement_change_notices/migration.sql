-- The agreements feed's pages (server/agreements/answers.ts), kept per question until a write to
-- what a page shows or filters on: an agreement (its search vector too), its parties, amounts
-- and sources. Sources are shared with events and conditions, which an event's creation writes
-- every time: only a row that belongs (or belonged) to an agreement sends the notice.
CREATE TRIGGER agreements_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "Agreement"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('agreements');

CREATE TRIGGER agreement_parties_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "AgreementParty"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('agreements');

CREATE TRIGGER agreement_amounts_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "AgreementAmount"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('agreements');

CREATE TRIGGER agreement_sources_added
  AFTER INSERT ON "Source"
  FOR EACH ROW WHEN (NEW."agreementId" IS NOT NULL) EXECUTE FUNCTION notify_change('agreements');

CREATE TRIGGER agreement_sources_changed
  AFTER UPDATE ON "Source"
  FOR EACH ROW WHEN (OLD."agreementId" IS NOT NULL OR NEW."agreementId" IS NOT NULL) EXECUTE FUNCTION notify_change('agreements');

CREATE TRIGGER agreement_sources_removed
  AFTER DELETE ON "Source"
  FOR EACH ROW WHEN (OLD."agreementId" IS NOT NULL) EXECUTE FUNCTION notify_change('agreements');

CREATE TRIGGER sources_emptied
  AFTER TRUNCATE ON "Source"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('agreements');
