// Seeds the reference data (countries, tracked dyads), the history and the article's facts,
// and, on request, the demo accounts. Idempotent: a record whose externalId (or natural key)
// already exists is left as it is, so a second run changes nothing and an admin's corrections
// to seeded records are never overwritten.
import { hashPassword } from "better-auth/crypto";
import { createPrismaClient, type Db } from "../server/db-client";
import { toDay } from "../server/method/day";
import { conditionInput } from "../server/conditions/schemas";
import { conditionColumns } from "../server/conditions/write";
import { eventInput } from "../server/events/schemas";
import { eventColumns, sourcesCreate } from "../server/events/write";
import { rebuildRollups } from "../server/relations/rollup";
import { DEMO_PASSWORD, demoAccounts, demoTeams } from "./seed/demo";
import {
  articleAgreements,
  articleConditions,
  articleEvents,
  countries,
  historyConditions,
  historyEvents,
  trackedDyads,
  type IsoDate,
  type SeedAgreement,
  type SeedCondition,
  type SeedEvent,
  type SeedSource,
} from "./seed/data";

export interface SeedResult {
  created: { countries: number; dyads: number; agreements: number; events: number; conditions: number; users: number };
}

const asDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00.000Z`);

/** Alphabetical pair key, the one form a dyad is stored under ("DZA-FRA", never "FRA-DZA"). */
export function dyadKey(a: string, b: string): string {
  return [a, b].sort().join("-");
}

function sourcesInput(sources: SeedSource[]) {
  return sources.map((s) => ({
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    publishedOn: s.publishedOn ? asDate(s.publishedOn) : null,
  }));
}

export async function seed(options: {
  databaseUrl: string;
  demoUsers: boolean;
  log?: (line: string) => void;
}): Promise<SeedResult> {
  const db = createPrismaClient(options.databaseUrl, { poolSize: 2 });
  try {
    return await seedWith(db, options.demoUsers, options.log ?? console.log);
  } finally {
    await db.$disconnect();
  }
}

export async function seedWith(db: Db, demoUsers: boolean, log: (line: string) => void): Promise<SeedResult> {
  const created: SeedResult["created"] = { countries: 0, dyads: 0, agreements: 0, events: 0, conditions: 0, users: 0 };

  for (const c of countries) {
    const result = await db.country.createMany({
      data: {
        code: c.code,
        name: c.name,
        status: c.status,
        statusNote: c.statusNote ?? null,
        capitalName: c.capital?.name ?? null,
        capitalLat: c.capital?.lat ?? null,
        capitalLon: c.capital?.lon ?? null,
      },
      skipDuplicates: true,
    });
    created.countries += result.count;
  }

  const dyadIds = new Map<string, string>();
  for (const key of trackedDyads) {
    const [countryA, countryB] = key.split("-") as [string, string];
    const existing = await db.dyad.findUnique({ where: { key }, select: { id: true } });
    const dyad = existing ?? (await db.dyad.create({ data: { key, countryA, countryB }, select: { id: true } }));
    if (!existing) created.dyads++;
    dyadIds.set(key, dyad.id);
  }
  const dyadIdOf = (key: string): string => {
    const id = dyadIds.get(key);
    if (!id) throw new Error(`Seed data names an untracked dyad ${key}`);
    return id;
  };

  const agreementIds = new Map<string, string>();
  for (const a of articleAgreements) {
    const { id, isNew } = await ensureAgreement(db, a, dyadIdOf(a.dyad));
    agreementIds.set(a.externalId, id);
    if (isNew) created.agreements++;
  }

  for (const e of [...historyEvents, ...articleEvents]) {
    if (await ensureEvent(db, e, dyadIdOf(dyadKey(e.actor, e.target)), agreementIds)) created.events++;
  }

  for (const c of [...historyConditions, ...articleConditions]) {
    if (await ensureCondition(db, c, dyadIdOf(c.dyad))) created.conditions++;
  }

  if (demoUsers) created.users = await ensureDemoAccounts(db);
  // New events or conditions change the index: bring the per-day rollup in line with them.
  if (created.events + created.conditions > 0) await rebuildRollups({ db, today: toDay(new Date()) });

  const total = Object.values(created).reduce((sum, n) => sum + n, 0);
  log(
    total === 0
      ? "Seed: nothing to add, the database already holds the seed data."
      : `Seed: added ${Object.entries(created)
          .filter(([, n]) => n > 0)
          .map(([what, n]) => `${n} ${what}`)
          .join(", ")}.`,
  );
  return { created };
}

async function ensureAgreement(db: Db, a: SeedAgreement, dyadId: string): Promise<{ id: string; isNew: boolean }> {
  const existing = await db.agreement.findUnique({ where: { externalId: a.externalId }, select: { id: true } });
  if (existing) return { id: existing.id, isNew: false };
  const latest = a.statusHistory.at(-1);
  if (!latest) throw new Error(`Agreement ${a.externalId} has no status`);
  const agreement = await db.agreement.create({
    data: {
      externalId: a.externalId,
      title: a.title,
      kind: a.kind,
      summary: a.summary,
      dyadId,
      status: latest.status,
      date: a.date ? asDate(a.date) : null,
      datePrecision: a.datePrecision,
      placeName: a.place?.name ?? null,
      placeLat: a.place?.lat ?? null,
      placeLon: a.place?.lon ?? null,
      sectors: a.sectors,
      provenance: "SEEDED",
      parties: {
        create: a.parties.map((p, position) => ({ name: p.name, kind: p.kind, countryCode: p.country ?? null, position })),
      },
      signatories: {
        create: a.signatories.map((s, position) => ({ name: s.name, role: s.role, onBehalfOf: s.onBehalfOf ?? null, position })),
      },
      statusHistory: {
        create: a.statusHistory.map((s) => ({
          status: s.status,
          date: s.date ? asDate(s.date) : null,
          datePrecision: s.datePrecision,
          note: s.note ?? null,
        })),
      },
      amounts: { create: a.amounts.map((m) => ({ ...m, approximate: m.approximate ?? false })) },
      sources: { create: sourcesInput(a.sources) },
    },
    select: { id: true },
  });
  return { id: agreement.id, isNew: true };
}

async function ensureEvent(db: Db, e: SeedEvent, dyadId: string, agreementIds: Map<string, string>): Promise<boolean> {
  const existing = await db.event.findUnique({ where: { externalId: e.externalId }, select: { id: true } });
  if (existing) return false;
  // Seed records pass the same rules as the admin form, and get the same columns.
  const input = eventInput.parse({ ...e, dyad: dyadKey(e.actor, e.target), agreementIds: [] });
  await db.event.create({
    data: {
      ...eventColumns(input, dyadId),
      externalId: e.externalId,
      provenance: "SEEDED",
      sources: { create: sourcesCreate(input) },
      agreements: {
        create: (e.agreements ?? []).map((externalId) => {
          const agreementId = agreementIds.get(externalId);
          if (!agreementId) throw new Error(`Event ${e.externalId} links unknown agreement ${externalId}`);
          return { agreementId };
        }),
      },
    },
  });
  return true;
}

async function ensureCondition(db: Db, c: SeedCondition, dyadId: string): Promise<boolean> {
  const existing = await db.condition.findUnique({ where: { externalId: c.externalId }, select: { id: true } });
  if (existing) return false;
  const input = conditionInput.parse(c); // the admin form's rules: an end before the start fails here
  await db.condition.create({
    data: { ...conditionColumns(input, dyadId), externalId: c.externalId, provenance: "SEEDED", sources: { create: sourcesCreate(input) } },
  });
  return true;
}

export async function ensureDemoAccounts(db: Db): Promise<number> {
  let added = 0;
  const userIds = new Map<string, string>();
  // Scrypt is slow on purpose, and every demo account has the same public password: hash it once.
  let demoHash: Promise<string> | undefined;
  for (const account of demoAccounts) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) {
      userIds.set(account.email, existing.id);
      continue;
    }
    const password = await (demoHash ??= hashPassword(DEMO_PASSWORD));
    const user = await db.user.create({
      data: { email: account.email, name: account.name, role: account.role, emailVerified: true },
      select: { id: true },
    });
    // Better Auth's credential account: the hash lives here, and accountId must be the user's id.
    await db.account.create({ data: { userId: user.id, providerId: "credential", accountId: user.id, password } });
    userIds.set(account.email, user.id);
    added++;
  }
  for (const team of demoTeams) {
    const { id: teamId } = await db.team.upsert({ where: { name: team.name }, create: { name: team.name }, update: {}, select: { id: true } });
    for (const member of team.members) {
      const userId = userIds.get(member.email);
      if (!userId) throw new Error(`Demo team ${team.name} names unknown user ${member.email}`);
      await db.membership.createMany({ data: { teamId, userId, role: member.role }, skipDuplicates: true });
    }
  }
  return added;
}
