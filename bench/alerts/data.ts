// The alerts benchmark's data: the seed's dyads topped up to 30 with synthetic ones, a history of
// synthetic events and its rollup, then analysts and their rules, every kind (a–f) on every dyad.
import { seedWith } from "../../prisma/seed";
import type { Db } from "../../server/db-client";
import { rebuildRollups } from "../../server/relations/rollup";
import { generateEvents } from "../synthetic-events";

export const DYADS = 30;
const YEARS = 20;
const RULES_PER_USER = 20;

export interface BenchDyad {
  id: string;
  key: string;
  countryA: string;
  countryB: string;
}

/**
 * Out of every 20 rules: 4 band changes (a), 5 moves (b: 2–20 points within 1, 7, 14 or 30 days),
 * 3 unusual changes (c), 4 event scores (d: |G| of 1–10), 2 agreement filters (e: the dyad's
 * agreements) and 2 standing conditions (f). Fixed, so every run judges the same rules.
 */
function ruleOf(n: number, userId: string, dyad: BenchDyad) {
  const slot = n % 20;
  const base = { id: `bench-rule-${n}`, userId, dyadId: dyad.id };
  if (slot < 4) return { ...base, kind: "BAND_CHANGE" as const };
  if (slot < 9) return { ...base, kind: "MOVE" as const, threshold: 2 + ((n * 7) % 19), days: [1, 7, 14, 30][n % 4] ?? 7 };
  if (slot < 12) return { ...base, kind: "UNUSUAL" as const };
  if (slot < 16) return { ...base, kind: "EVENT_SCORE" as const, threshold: 1 + ((n * 3) % 10) };
  if (slot < 18) return { ...base, dyadId: null, kind: "AGREEMENT_FILTER" as const, filter: { dyads: [dyad.key] } };
  return { ...base, kind: "CONDITION" as const };
}

export async function buildAlertsData({ db, events, rules, today, log }: { db: Db; events: number; rules: number; today: number; log: (line: string) => void }): Promise<{ dyads: BenchDyad[]; users: number }> {
  await seedWith(db, false, () => undefined);
  const seeded = await db.dyad.count();
  log(`generating ${events.toLocaleString("en")} events over ${DYADS} dyads and ${YEARS} years…`);
  await generateEvents({ db, events, extraDyads: DYADS - seeded, firstDay: today - YEARS * 365, years: YEARS });
  await rebuildRollups({ db, today });
  const dyads = await db.dyad.findMany({ select: { id: true, key: true, countryA: true, countryB: true }, orderBy: { key: "asc" } });

  const users = Math.ceil(rules / RULES_PER_USER);
  log(`${users} analysts with ${rules.toLocaleString("en")} rules over ${dyads.length} dyads…`);
  await db.user.createMany({ data: Array.from({ length: users }, (_, i) => ({ id: `bench-user-${i}`, name: `Bench analyst ${i}`, email: `bench-analyst-${i}@example.com`, role: "analyst" as const })) });
  const rows = Array.from({ length: rules }, (_, n) => {
    // Consecutive runs of 20 rules share a dyad, so every dyad holds every kind.
    const dyad = dyads[Math.floor(n / 20) % dyads.length];
    if (!dyad) throw new Error("no dyads");
    return ruleOf(n, `bench-user-${n % users}`, dyad);
  });
  for (let i = 0; i < rows.length; i += 2000) await db.alertRule.createMany({ data: rows.slice(i, i + 2000) });
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  return { dyads, users };
}
