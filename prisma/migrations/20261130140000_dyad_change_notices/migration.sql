-- The dyads and their countries' names (server/relations/service.ts, dyadsByKey): nearly every
-- read of the index names its dyads, which change only when one is recorded or a country renamed.
CREATE TRIGGER dyads_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "Dyad"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('dyads');

CREATE TRIGGER dyad_countries_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF name, status ON "Country"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('dyads');
