// The load scenario's data set: the seed (demo accounts, real dyads and agreements), synthetic
// events over 30 dyads and synthetic agreements, the rollup, and signed-up analysts with saved
// views. Everything is generated, so every run measures the same shape of data.
import { hashPassword } from "better-auth/crypto";
import { seedWith } from "../../prisma/seed";
import type { Db } from "../../server/db-client";
import { rebuildRollups } from "../../server/relations/rollup";
import { defaultViewState, VIEW_STATE_VERSION } from "../../server/views/state";
import { generateAgreements } from "../synthetic-agreements";
import { generateEvents } from "../synthetic-events";

export const LOAD_PASSWORD = "load-analyst-password";
export const DYADS = 30;

export interface LoadData {
  events: number;
  agreements: number;
  dyads: number;
  analysts: string[];
  seconds: number;
}

export async function buildLoadData({ db, events, agreements, analysts, today, log }: { db: Db; events: number; agreements: number; analysts: number; today: number; log: (line: string) => void }): Promise<LoadData> {
  const started = performance.now();
  await seedWith(db, true, () => undefined);
  const seededDyads = await db.dyad.count();
  log(`generating ${events.toLocaleString("en")} events over ${DYADS} dyads and 20 years…`);
  await generateEvents({ db, events, extraDyads: DYADS - seededDyads, firstDay: today - 20 * 365, years: 20 });
  log(`generating ${agreements.toLocaleString("en")} agreements (the search triggers make this the slow part)…`);
  await generateAgreements({ db, count: agreements });
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  await rebuildRollups({ db, today });

  // Analysts are created directly (there is no sign-up); one hash serves all, as scrypt is slow on purpose.
  const password = await hashPassword(LOAD_PASSWORD);
  const emails = Array.from({ length: analysts }, (_, i) => `load-analyst-${i}@example.com`);
  await db.user.createMany({ data: emails.map((email, i) => ({ id: `load-user-${i}`, email, name: `Load analyst ${i}`, role: "analyst", emailVerified: true })) });
  await db.account.createMany({ data: emails.map((_, i) => ({ userId: `load-user-${i}`, providerId: "credential", accountId: `load-user-${i}`, password })) });
  // Two saved views each, so views.list and /views have something to list.
  await db.savedView.createMany({
    data: emails.flatMap((_, i) =>
      ["Morocco, last year", "All dyads"].map((name) => ({ name, ownerId: `load-user-${i}`, state: defaultViewState, stateVersion: VIEW_STATE_VERSION })),
    ),
  });
  return { events, agreements, dyads: await db.dyad.count(), analysts: emails, seconds: (performance.now() - started) / 1000 };
}
