// The seeded record read as an analyst would: each dyad's band over the stretches the team
// knows the relation's state for. The seed runs for real and the index is the stored rollup.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { fromDay, toDay } from "@/server/method/day";
import { BANDS, type Band } from "@/server/method/params";
import { bandOf } from "@/server/method/index-math";

describe("the seeded 2024–2026 record", async () => {
  const { db } = await useTestDatabase({ seed: true });

  /** Every stored day of a dyad in [from, to] with its index: the stretch must be fully covered. */
  async function daysOf(key: string, from: string, to: string) {
    const rows = await db.$queryRaw<{ day: Date; index: number }[]>`
      SELECT r.day, r.index FROM "DyadDay" r JOIN "Dyad" d ON d.id = r."dyadId"
      WHERE d.key = ${key} AND r.day >= ${from}::date AND r.day <= ${to}::date ORDER BY r.day`;
    expect(rows).toHaveLength(toDay(to) - toDay(from) + 1);
    return rows.map((r) => ({ day: fromDay(toDay(r.day)), index: r.index, band: bandOf(r.index) }));
  }

  const rank = (band: Band) => BANDS.indexOf(band);
  /** The days outside the allowed bands, named with their value, so a failure says where and by how much. */
  const outside = (days: { day: string; index: number; band: Band }[], allowed: (band: Band) => boolean) =>
    days.filter((d) => !allowed(d.band)).map((d) => `${d.day}: ${d.index.toFixed(1)} (${d.band})`);

  it('keeps France–Algeria "tense" or lower on every day from 15 April 2025 through 28 February 2026', async () => {
    const days = await daysOf("DZA-FRA", "2025-04-15", "2026-02-28");
    expect(outside(days, (b) => rank(b) <= rank("tense"))).toEqual([]);
  });

  it('keeps France–Morocco "cordial" or higher from 1 November 2024 through 30 June 2025', async () => {
    const days = await daysOf("FRA-MAR", "2024-11-01", "2025-06-30");
    expect(outside(days, (b) => rank(b) >= rank("cordial"))).toEqual([]);
  });

  it('keeps Algeria–Morocco at or below "tense" over the whole seeded span, from the 2021 rupture to today', async () => {
    const days = await daysOf("DZA-MAR", "2021-08-24", fromDay(toDay(new Date())));
    expect(outside(days, (b) => rank(b) <= rank("tense"))).toEqual([]);
  });
});
