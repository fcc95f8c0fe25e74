-- The dyad page's drivers are kept with the index's answers (server/relations/answers.ts): they
-- name the conditions in force and, for each, the latest event linked to it. An edit of a
-- condition or of its links drops them, even one that moves no number (and so no rollup row).
CREATE TRIGGER conditions_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "Condition"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('index');

CREATE TRIGGER condition_events_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON "ConditionEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('index');
