// Events as records: what the record pipeline (server/records/) needs to load, check, write and
// index one. Each write is one transaction with its audit entry and the refresh of the dyad's
// daily index, so readers never see one without the other.
import type { Prisma } from "../generated/prisma/client";
import { dateOfDay, isoDayOf, placementDay, precisionInterval, toDay } from "../method/day";
import { eventScore } from "../method/goldstein";
import { METHOD, OVERRIDE_KEYS } from "../method/params";
import type { DbOrTx } from "../db-client";
import { proposeConditions } from "../drafts/proposals";
import { rewrittenOnSave, sourcesOf } from "../records/children";
import type { SqlTypes } from "../records/bulk-insert";
import { writersOf, type BulkStamps, type RecordType } from "../records/pipeline";
import { fieldError } from "../shared/errors";
import { said } from "../shared/said";
import type { EventInput } from "./schemas";

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
    date: isoDayOf(e.date),
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
    sources: e.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? isoDayOf(s.publishedOn) : undefined })),
    agreementIds: e.agreements.map((a) => a.agreementId).sort(),
  };
}

/**
 * What the schema cannot check alone, given what the database holds: the form and the CSV
 * import (which looks up a whole file at once) both ask this.
 */
export function referenceProblem(
  input: EventInput,
  known: { dyadId: string | undefined; agreementsFound: (ids: string[]) => boolean; today: number },
): { field: "dyad" | "date" | "agreementIds"; message: string } | null {
  if (!known.dyadId) return { field: "dyad", message: said("dyadNotRecorded", { dyad: input.dyad }) };
  if (precisionInterval(input.date, input.datePrecision).first > known.today) {
    return { field: "date", message: said("eventInFuture") };
  }
  if (input.agreementIds.length && !known.agreementsFound(input.agreementIds)) return { field: "agreementIds", message: said("linkedAgreementMissing") };
  return null;
}

async function checkReferences(db: DbOrTx, input: EventInput, today: number): Promise<string> {
  const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
  const found = input.agreementIds.length ? await db.agreement.count({ where: { id: { in: input.agreementIds } } }) : 0;
  const problem = referenceProblem(input, { dyadId: dyad?.id, agreementsFound: (ids) => found === new Set(ids).size, today });
  if (problem || !dyad) throw fieldError("BAD_REQUEST", problem?.field ?? "dyad", problem?.message ?? said("noSuchDyad"));
  return dyad.id;
}

/** The Event columns an input stands for, with its placement day and score under the current method. */
function eventColumns(input: EventInput, dyadId: string) {
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
    date: dateOfDay(input.date),
    datePrecision: input.datePrecision,
    placementDate: dateOfDay(placementDay(input.date, input.datePrecision)),
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

type EventColumns = ReturnType<typeof eventColumns>;

const EVENT_TABLE = {
  name: "Event",
  types: {
    id: "text",
    provenance: '"Provenance"',
    externalId: "text",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
    title: "text",
    summary: "text",
    date: "date",
    datePrecision: '"DatePrecision"',
    placementDate: "date",
    dyadId: "text",
    actorCode: "text",
    targetCode: "text",
    cameoCode: "text",
    overrideKey: "text",
    scoreOverride: "float8",
    overrideReason: "text",
    level: '"Level"',
    verification: '"VerificationStatus"',
    score: "float8",
    methodVersion: "text",
    placeName: "text",
    placeLat: "float8",
    placeLon: "float8",
  },
} satisfies { name: string; types: SqlTypes<EventColumns & BulkStamps> };

export const eventRecord: RecordType<EditableEvent, EventInput, string, EventColumns> = {
  entity: "Event",
  noun: "event",
  load: (db, id) => db.event.findUnique({ where: { id }, select: editableSelect }),
  values: eventValues,
  references: checkReferences,
  columns: eventColumns,
  insert: (db, data) => db.event.createManyAndReturn({ data, select: { id: true, externalId: true } }),
  table: EVENT_TABLE,
  update: (db, args) => db.event.updateMany(args),
  children: [
    sourcesOf((eventId) => ({ eventId })),
    rewrittenOnSave({
      rows: (data: EventInput, eventId: string) => data.agreementIds.map((agreementId) => ({ eventId, agreementId })),
      insert: (db, data) => db.eventAgreement.createMany({ data }),
      clear: (db, eventId) => db.eventAgreement.deleteMany({ where: { eventId } }),
      table: { name: "EventAgreement", types: { eventId: "text", agreementId: "text" } },
    }),
  ],
  touches: (e) => ({ dyadId: e.dyadId, day: toDay(e.placementDate) }),
  published: proposeConditions,
  goldstein: (e) => eventScore({ ...e, overrideKey: OVERRIDE_KEYS.find((k) => k === e.overrideKey) ?? null }).g,
};

export const { forEditing: eventForEditing, create: createEvent, update: updateEvent, setArchived: setEventArchived } = writersOf(eventRecord);
