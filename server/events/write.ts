// Creating, editing, archiving and restoring events: each in one transaction with its audit
// entry and the refresh of the dyad's daily index, so readers never see one without the other.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../admin/audit";
import { fromDay, placementDay, precisionInterval, toDay } from "../method/day";
import { eventScore } from "../method/goldstein";
import { METHOD, OVERRIDE_KEYS } from "../method/params";
import { refreshRollup, type DbOrTx } from "../relations/rollup";
import { fieldError, staleVersion } from "../shared/errors";
import type { EventInput } from "./schemas";

const dayDate = (day: number) => new Date(`${fromDay(day)}T00:00:00.000Z`);

export const editableSelect = {
  id: true,
  version: true,
  title: true,
  summary: true,
  date: true,
  datePrecision: true,
  placementDate: true,
  dyadId: true,
  dyad: { select: { key: true } },
  actorCode: true,
  targetCode: true,
  cameoCode: true,
  overrideKey: true,
  scoreOverride: true,
  overrideReason: true,
  level: true,
  verification: true,
  placeName: true,
  placeLat: true,
  placeLon: true,
  archivedAt: true,
  updatedAt: true,
  sources: { select: { publisher: true, title: true, url: true, publishedOn: true }, orderBy: { id: "asc" } },
  agreements: { select: { agreementId: true } },
} satisfies Prisma.EventSelect;

export type EditableEvent = Prisma.EventGetPayload<{ select: typeof editableSelect }>;

/** A stored event in the form's shape: what the editor loads, the audit log keeps and a conflict shows. */
export function eventValues(e: EditableEvent): EventInput {
  return {
    title: e.title,
    summary: e.summary ?? undefined,
    date: fromDay(toDay(e.date)),
    datePrecision: e.datePrecision,
    dyad: e.dyad.key,
    actor: e.actorCode,
    target: e.targetCode,
    cameoCode: e.cameoCode,
    overrideKey: OVERRIDE_KEYS.find((k) => k === e.overrideKey),
    scoreOverride: e.scoreOverride ?? undefined,
    overrideReason: e.overrideReason ?? undefined,
    level: e.level,
    verification: e.verification,
    place: e.placeName !== null && e.placeLat !== null && e.placeLon !== null ? { name: e.placeName, lat: e.placeLat, lon: e.placeLon } : undefined,
    sources: e.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? fromDay(toDay(s.publishedOn)) : undefined })),
    agreementIds: e.agreements.map((a) => a.agreementId).sort(),
  };
}

/** JSON for the audit log: plain values only. */
export const auditSnapshot = (values: EventInput, archived: boolean) => JSON.parse(JSON.stringify({ ...values, archived })) as Prisma.InputJsonValue;
const snapshot = (e: EditableEvent) => auditSnapshot(eventValues(e), e.archivedAt !== null);

/**
 * What the schema cannot check alone, given what the database holds: the form and the CSV
 * import (which looks up a whole file at once) both ask this.
 */
export function referenceProblem(
  input: EventInput,
  known: { dyadId: string | undefined; agreementsFound: (ids: string[]) => boolean; today: number },
): { field: "dyad" | "date" | "agreementIds"; message: string } | null {
  if (!known.dyadId) return { field: "dyad", message: `no dyad ${input.dyad} is recorded: an admin must add it first` };
  if (precisionInterval(input.date, input.datePrecision).first > known.today) {
    return { field: "date", message: "an event cannot lie in the future: record what is expected as an anticipated agreement" };
  }
  if (input.agreementIds.length && !known.agreementsFound(input.agreementIds)) return { field: "agreementIds", message: "one of the linked agreements does not exist" };
  return null;
}

async function checkReferences(db: DbOrTx, input: EventInput, today: number): Promise<string> {
  const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
  const found = input.agreementIds.length ? await db.agreement.count({ where: { id: { in: input.agreementIds } } }) : 0;
  const problem = referenceProblem(input, { dyadId: dyad?.id, agreementsFound: (ids) => found === new Set(ids).size, today });
  if (problem || !dyad) throw fieldError("BAD_REQUEST", problem?.field ?? "dyad", problem?.message ?? "no such dyad");
  return dyad.id;
}

/** The Event columns an input stands for, with its placement day and score under the current method. */
export function eventColumns(input: EventInput, dyadId: string) {
  const score = eventScore({
    cameoCode: input.cameoCode,
    overrideKey: input.overrideKey ?? null,
    scoreOverride: input.scoreOverride ?? null,
    level: input.level,
    verification: input.verification,
  });
  return {
    title: input.title,
    summary: input.summary ?? null,
    date: dayDate(toDay(input.date)),
    datePrecision: input.datePrecision,
    placementDate: dayDate(placementDay(input.date, input.datePrecision)),
    dyadId,
    actorCode: input.actor,
    targetCode: input.target,
    cameoCode: input.cameoCode,
    overrideKey: input.overrideKey ?? null,
    scoreOverride: input.scoreOverride ?? null,
    overrideReason: input.scoreOverride !== undefined ? (input.overrideReason ?? null) : null,
    level: input.level,
    verification: input.verification,
    score: score.s,
    methodVersion: METHOD.version,
    placeName: input.place?.name ?? null,
    placeLat: input.place?.lat ?? null,
    placeLon: input.place?.lon ?? null,
  };
}

export const sourcesCreate = (input: Pick<EventInput, "sources">) =>
  input.sources.map((s) => ({ ...s, publishedOn: s.publishedOn ? dayDate(toDay(s.publishedOn)) : null }));

export async function createEvent(input: { db: Db; actorId: string | null; data: EventInput; today: number }) {
  const { db, actorId, data, today } = input;
  return db.$transaction(async (tx) => {
    const dyadId = await checkReferences(tx, data, today);
    const created = await tx.event.create({
      data: {
        ...eventColumns(data, dyadId),
        provenance: "ENTERED",
        sources: { create: sourcesCreate(data) },
        agreements: { create: data.agreementIds.map((agreementId) => ({ agreementId })) },
      },
      select: editableSelect,
    });
    await recordAudit({ db: tx, actorId, action: "CREATE", entityType: "Event", entityId: created.id, before: null, after: snapshot(created) });
    await refreshRollup({ db: tx, dyadId, changedDay: toDay(created.placementDate), today });
    return { id: created.id, version: created.version };
  });
}

async function loadForWrite(tx: DbOrTx, id: string, version: number): Promise<EditableEvent> {
  const current = await tx.event.findUnique({ where: { id }, select: editableSelect });
  if (!current) throw fieldError("NOT_FOUND", "id", "no such event");
  if (current.version !== version) throw staleVersion({ version: current.version, values: eventValues(current), updatedAt: current.updatedAt });
  return current;
}

export async function updateEvent(input: { db: Db; actorId: string | null; id: string; version: number; data: EventInput; today: number }) {
  const { db, actorId, id, version, data, today } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, id, version);
    const dyadId = await checkReferences(tx, data, today);
    // The version check and the increment in one statement: two racing saves cannot both win.
    const { count } = await tx.event.updateMany({ where: { id, version }, data: { ...eventColumns(data, dyadId), version: { increment: 1 } } });
    if (count === 0) throw staleVersion({ version: before.version + 1, values: eventValues(before), updatedAt: new Date() });
    await tx.source.deleteMany({ where: { eventId: id } });
    await tx.source.createMany({ data: sourcesCreate(data).map((s) => ({ ...s, eventId: id })) });
    await tx.eventAgreement.deleteMany({ where: { eventId: id } });
    await tx.eventAgreement.createMany({ data: data.agreementIds.map((agreementId) => ({ eventId: id, agreementId })) });
    const after = await tx.event.findUniqueOrThrow({ where: { id }, select: editableSelect });
    await recordAudit({ db: tx, actorId, action: "UPDATE", entityType: "Event", entityId: id, before: snapshot(before), after: snapshot(after) });
    const changedDay = Math.min(toDay(before.placementDate), toDay(after.placementDate));
    await refreshRollup({ db: tx, dyadId: after.dyadId, changedDay, today });
    if (before.dyadId !== after.dyadId) await refreshRollup({ db: tx, dyadId: before.dyadId, changedDay, today });
    return { id, version: after.version };
  });
}

/** Archive (archived: true) or restore: the event leaves or rejoins the index and the feeds. */
export async function setEventArchived(input: { db: Db; actorId: string | null; id: string; version: number; archived: boolean; today: number }) {
  const { db, actorId, id, version, archived, today } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, id, version);
    const { count } = await tx.event.updateMany({ where: { id, version }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    if (count === 0) throw staleVersion({ version: before.version + 1, values: eventValues(before), updatedAt: new Date() });
    const after = await tx.event.findUniqueOrThrow({ where: { id }, select: editableSelect });
    await recordAudit({ db: tx, actorId, action: archived ? "ARCHIVE" : "RESTORE", entityType: "Event", entityId: id, before: snapshot(before), after: snapshot(after) });
    await refreshRollup({ db: tx, dyadId: after.dyadId, changedDay: toDay(after.placementDate), today });
    return { id, version: after.version };
  });
}

export async function eventForEditing({ db, id }: { db: Db; id: string }) {
  const event = await db.event.findUnique({ where: { id }, select: editableSelect });
  return event ? { id: event.id, version: event.version, archived: event.archivedAt !== null, values: eventValues(event) } : null;
}
