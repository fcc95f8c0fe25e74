-- Change notices for the app instances' in-memory caches (server/shared/change-feed.ts): a
-- statement that writes what a cache holds sends a notice naming it on channel maghreb_changes.
-- NOTIFY is transactional: the notice goes out when the writing transaction commits, and not
-- at all when it rolls back; notices repeated within one transaction are sent once.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('maghreb_changes', TG_ARGV[0]);
  RETURN NULL;
END $$;

-- The sectors list (server/agreements/service.ts): the sectors of agreements not archived.
CREATE TRIGGER agreement_sectors_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF sectors, "archivedAt" ON "Agreement"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('sectors');
