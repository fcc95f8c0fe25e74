-- The map's pick (server/events/service.ts): a year of every dyad's events, which of them are
-- live and drawable, newest first. With these columns in the index PostgreSQL answers from it
-- alone instead of visiting a heap page per event (5,392 pages for the 14,942 events of the
-- load benchmark's last year); the leading (dyadId, placementDate) still serves every read the
-- old index did.
-- DropIndex
DROP INDEX "Event_dyadId_placementDate_idx";

-- CreateIndex
CREATE INDEX "Event_map_idx" ON "Event"("dyadId", "placementDate", "archivedAt", "actorCode", "targetCode", "placeLat", "placeLon", "id");
