-- Answers every analyst gets alike (server/relations/answers.ts: the index's summaries, series
-- and volumes, the map's events), kept per question until the index changes: a rollup row, a
-- published event (its title, place or date on the map, the card's latest event) or a capital
-- the map places events at. A dyad or a country's name already sends 'dyads', heard as well.
CREATE TRIGGER rollup_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "DyadDay"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('index');

CREATE TRIGGER events_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "Event"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('index');

CREATE TRIGGER capitals_changed
  AFTER UPDATE OF "capitalName", "capitalLat", "capitalLon" ON "Country"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('index');
