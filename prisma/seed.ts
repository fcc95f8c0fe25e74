// Seeds the reference data (countries, tracked dyads), the history, the article's facts, the
// 2024–2026 record and, on request, the demo accounts. Idempotent: a record whose externalId (or natural key)
// already exists is left as it is, so a second run changes nothing and an admin's corrections
// to seeded records are never overwritten.
import { hashPassword } from "better-auth/crypto";
import { agreementRecord, type AgreementWrite } from "../server/agreements/write";
import { agreementInput } from "../server/agreements/write-schemas";
import { conditionInput } from "../server/conditions/schemas";
import { conditionRecord } from "../server/conditions/write";
import { createPrismaClient, type Db } from "../server/db-client";
import { eventInput } from "../server/events/schemas";
import { eventRecord } from "../server/events/write";
import { toDay } from "../server/method/day";
import { dyadChanged, IndexChanges } from "../server/records/index-changes";
import { insertRecords, touchOf, type RecordType, type StoredRecord } from "../server/records/pipeline";
import { DEMO_PASSWORD, demoAccounts, demoTeams } from "./seed/demo";
import {
  articleAgreements,
  articleConditions,
  articleEvents,
  countries,
  historyConditions,
  historyEvents,
  recordConditions,
  recordEvents,
  trackedDyads,
  type SeedAgreement,
} from "./seed/data";

export interface SeedResult {
  created: { countries: number; dyads: number; agreements: number; events: number; conditions: number; users: number };
}

/** Alphabetical pair key, the one form a dyad is stored under ("DZA-FRA", never "FRA-DZA"). */
export function dyadKey(a: string, b: string): string {
  return [a, b].sort().join("-");
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

  // Seed records pass the same rules as the admin forms and are written by the same pipeline.
  const changes = new IndexChanges();
  const storedAgreements = await db.agreement.findMany({ where: { externalId: { in: articleAgreements.map((a) => a.externalId) } }, select: { id: true, externalId: true } });
  const agreementIds = new Map(storedAgreements.map((a) => [a.externalId, a.id]));
  const newAgreements = notIn(storedAgreements, articleAgreements);
  const agreementItems = newAgreements.map((a) => ({ externalId: a.externalId, data: agreementWrite(a), refs: dyadIdOf(a.dyad) }));
  const newAgreementIds = await insertSeeded(db, agreementRecord, agreementItems, changes);
  newAgreements.forEach((a, i) => agreementIds.set(a.externalId, newAgreementIds[i] ?? ""));
  created.agreements = newAgreements.length;

  const events = [...historyEvents, ...articleEvents, ...recordEvents];
  const storedEvents = await db.event.findMany({ where: { externalId: { in: events.map((e) => e.externalId) } }, select: { externalId: true } });
  const eventItems = notIn(storedEvents, events).map((e) => {
    const links = (e.agreements ?? []).map((externalId) => {
      const agreementId = agreementIds.get(externalId);
      if (!agreementId) throw new Error(`Event ${e.externalId} links unknown agreement ${externalId}`);
      return agreementId;
    });
    const dyad = dyadKey(e.actor, e.target);
    return { externalId: e.externalId, data: eventInput.parse({ ...e, dyad, agreementIds: links }), refs: dyadIdOf(dyad) };
  });
  created.events = (await insertSeeded(db, eventRecord, eventItems, changes)).length;

  const conditions = [...historyConditions, ...articleConditions, ...recordConditions];
  const storedConditions = await db.condition.findMany({ where: { externalId: { in: conditions.map((c) => c.externalId) } }, select: { externalId: true } });
  // The admin form's rules: an end before the start fails here.
  const conditionItems = notIn(storedConditions, conditions).map((c) => ({ externalId: c.externalId, data: conditionInput.parse(c), refs: dyadIdOf(c.dyad) }));
  created.conditions = (await insertSeeded(db, conditionRecord, conditionItems, changes)).length;

  if (demoUsers) created.users = await ensureDemoAccounts(db);
  // New events or conditions change the index: each dyad they touch, from the earliest day.
  const today = toDay(new Date());
  for (const { dyadId, fromDay } of changes) await db.$transaction((tx) => dyadChanged({ db: tx, dyadId, fromDay, today }), SEED_TRANSACTION);

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

/** A bulk write of reference data on a slow machine: more than the interactive default of 5 s. */
const SEED_TRANSACTION = { timeout: 120_000 };

/** The seed records whose externalId is not stored yet: the others are left as they are. */
function notIn<T extends { externalId: string }>(stored: { externalId: string | null }[], records: T[]): T[] {
  const ids = new Set(stored.map((r) => r.externalId));
  return records.filter((r) => !ids.has(r.externalId));
}

/** New seed records of one type in one transaction, their touches on the index collected. */
async function insertSeeded<R extends StoredRecord, I extends object, F, C>(
  db: Db,
  type: RecordType<R, I, F, C>,
  items: { externalId: string; data: I; refs: F }[],
  changes: IndexChanges,
): Promise<string[]> {
  for (const item of items) changes.add(touchOf(type, item));
  const seeded = items.map((item) => ({ ...item, origin: { provenance: "SEEDED", externalId: item.externalId } as const }));
  return db.$transaction((tx) => insertRecords(tx, type, seeded), SEED_TRANSACTION);
}

/** A seed agreement as the form would give it, with its whole status history. */
function agreementWrite(a: SeedAgreement): AgreementWrite {
  const latest = a.statusHistory.at(-1);
  if (!latest) throw new Error(`Agreement ${a.externalId} has no status`);
  const input = agreementInput.parse({
    ...a,
    date: a.date ?? undefined,
    datePrecision: a.datePrecision ?? undefined,
    status: latest.status,
    statusDate: latest.date ?? undefined,
    statusNote: latest.note,
  });
  return { ...input, history: a.statusHistory.map((s) => ({ status: s.status, date: s.date ?? undefined, datePrecision: s.datePrecision ?? undefined, note: s.note })) };
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
