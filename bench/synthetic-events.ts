// Synthetic events for benchmarks, generated inside PostgreSQL (a million rows in seconds):
// extra countries and dyads when asked, then events spread uniformly over the years and over
// every dyad in the table (the seeded ones included), scores uniform in −8…+8.
import type { Db } from "../server/db-client";
import { fromDay } from "../server/method/day";

/**
 * Adds `extraDyads` synthetic dyads (ids dyad0…, countries AAX paired with ABX, ACX…) and
 * `events` events between `firstDay` and `firstDay + years`, round-robin over all dyads.
 */
export async function generateEvents({ db, events, extraDyads, firstDay, years }: { db: Db; events: number; extraDyads: number; firstDay: number; years: number }): Promise<void> {
  if (extraDyads > 0) {
    // Country codes AAX, ABX, …: enough for the pairs of distinct countries.
    await db.$executeRaw`
      INSERT INTO "Country" (code, name)
      SELECT chr(65 + i / 26) || chr(65 + i % 26) || 'X', 'Country ' || i FROM generate_series(0, ${extraDyads}) i`;
    // Dyad i pairs country 0 (AAX) with country i + 1.
    await db.$executeRaw`
      INSERT INTO "Dyad" (id, key, "countryA", "countryB")
      SELECT 'dyad' || i, 'AAX-' || b, 'AAX', b FROM (
        SELECT i, chr(65 + (i + 1) / 26) || chr(65 + (i + 1) % 26) || 'X' AS b FROM generate_series(0, ${extraDyads - 1}) i
      ) pairs`;
  }
  await db.$executeRaw`
    WITH dyads AS (SELECT id, "countryA", "countryB", (row_number() OVER (ORDER BY id) - 1)::int AS n FROM "Dyad"),
         total AS (SELECT count(*)::int AS c FROM "Dyad")
    INSERT INTO "Event" (id, title, date, "datePrecision", "placementDate", "dyadId", "actorCode", "targetCode", "cameoCode",
                         level, verification, score, "methodVersion", provenance, "updatedAt")
    SELECT 'ev' || i, 'Synthetic event ' || i, d, 'DAY', d, dy.id, dy."countryA", dy."countryB", '042',
           'MINISTER', 'CONFIRMED', round((random() * 16 - 8)::numeric, 2)::float8, '1.0.0', 'IMPORTED', now()
    FROM (
      -- random() in the select list: one date per row (a LATERAL without outer references runs once)
      SELECT i, ${fromDay(firstDay)}::date + (random() * ${years * 365})::int AS d FROM generate_series(1, ${events}) i
    ) generated
    CROSS JOIN total
    JOIN dyads dy ON dy.n = i % total.c`;
}
