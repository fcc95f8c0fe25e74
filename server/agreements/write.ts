// Agreements as records, over the record pipeline (server/records/): one transaction per write,
// with the audit entry; a change of status is added to the agreement's history rather than
// overwriting it. Agreements do not weigh on the index.
import type { DatePrecision, Prisma } from "../generated/prisma/client";
import { dateOfDay, isoDayOf } from "../method/day";
import type { DbOrTx } from "../db-client";
import { rewrittenOnSave, sourcesOf, type ChildRelation } from "../records/children";
import { writersOf, type RecordType } from "../records/pipeline";
import { fieldError } from "../shared/errors";
import { said } from "../shared/said";
import type { AgreementInput } from "./write-schemas";

const editableSelect = {
  id: true,
  version: true,
  title: true,
  kind: true,
  summary: true,
  status: true,
  date: true,
  datePrecision: true,
  placeName: true,
  placeLat: true,
  placeLon: true,
  sectors: true,
  archivedAt: true,
  updatedAt: true,
  dyad: { select: { key: true } },
  parties: { select: { name: true, kind: true, countryCode: true }, orderBy: { position: "asc" } },
  signatories: { select: { name: true, role: true, onBehalfOf: true }, orderBy: { position: "asc" } },
  amounts: { select: { amount: true, currency: true, label: true, approximate: true }, orderBy: { id: "asc" } },
  sources: { select: { publisher: true, title: true, url: true, publishedOn: true }, orderBy: { id: "asc" } },
  statusHistory: { select: { id: true, status: true, date: true, note: true }, orderBy: [{ recordedAt: "desc" }, { id: "desc" }], take: 1 },
} satisfies Prisma.AgreementSelect;

type EditableAgreement = Prisma.AgreementGetPayload<{ select: typeof editableSelect }>;

function agreementValues(a: EditableAgreement): AgreementInput {
  const latest = a.statusHistory[0];
  return {
    title: a.title,
    kind: a.kind,
    summary: a.summary ?? undefined,
    dyad: a.dyad?.key,
    status: a.status,
    statusDate: latest?.date ? isoDayOf(latest.date) : undefined,
    statusNote: latest?.note ?? undefined,
    date: a.date ? isoDayOf(a.date) : undefined,
    datePrecision: a.datePrecision ?? undefined,
    place: a.placeName !== null && a.placeLat !== null && a.placeLon !== null ? { name: a.placeName, lat: a.placeLat, lon: a.placeLon } : undefined,
    sectors: a.sectors,
    parties: a.parties.map((p) => ({ name: p.name, kind: p.kind, country: p.countryCode ?? undefined })),
    signatories: a.signatories.map((s) => ({ name: s.name, role: s.role, onBehalfOf: s.onBehalfOf ?? undefined })),
    amounts: a.amounts.map((m) => ({ amount: m.amount.toString(), currency: m.currency, label: m.label, approximate: m.approximate })),
    sources: a.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? isoDayOf(s.publishedOn) : undefined })),
  };
}

async function dyadIdOf(db: DbOrTx, input: AgreementInput): Promise<string | null> {
  if (!input.dyad) return null;
  const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
  if (!dyad) throw fieldError("BAD_REQUEST", "dyad", said("dyadNotRecorded", { dyad: input.dyad }));
  return dyad.id;
}

function columns(input: AgreementInput, dyadId: string | null) {
  return {
    title: input.title,
    kind: input.kind,
    summary: input.summary ?? null,
    dyadId,
    status: input.status,
    date: input.date ? dateOfDay(input.date) : null,
    datePrecision: input.date ? (input.datePrecision ?? "DAY") : null,
    placeName: input.place?.name ?? null,
    placeLat: input.place?.lat ?? null,
    placeLon: input.place?.lon ?? null,
    sectors: input.sectors,
  };
}

/** One entry of the status history, as a writer gives it. */
interface StatusEntry {
  status: AgreementInput["status"];
  date?: string;
  datePrecision?: DatePrecision;
  note?: string;
}

/**
 * What a writer saves: the form gives the current status with its date and note; a writer that
 * knows the whole history (the seed) gives it, oldest first, as `history`.
 */
export type AgreementWrite = AgreementInput & { history?: StatusEntry[] };

const currentStatus = (input: AgreementInput): StatusEntry => ({
  status: input.status,
  date: input.statusDate,
  datePrecision: input.statusDate ? "DAY" : undefined,
  note: input.statusNote,
});

const statusColumns = (entry: StatusEntry) => ({
  status: entry.status,
  date: entry.date ? dateOfDay(entry.date) : null,
  datePrecision: entry.datePrecision ?? null,
  note: entry.note ?? null,
});

/**
 * A new status joins the history; the same status with another date or note corrects its latest
 * entry (the form shows that entry's date and note, so an edit there must not be dropped).
 */
const statusHistory: ChildRelation<AgreementWrite, EditableAgreement> = {
  create: (db, records) =>
    db.agreementStatusChange.createMany({
      data: records.flatMap(({ id, data }) => (data.history ?? [currentStatus(data)]).map((entry) => ({ ...statusColumns(entry), agreementId: id }))),
    }),
  update: async (db, agreementId, data, before) => {
    const latest = before.statusHistory[0];
    if (!latest || latest.status !== data.status) {
      await db.agreementStatusChange.create({ data: { ...statusColumns(currentStatus(data)), agreementId } });
      return;
    }
    const was = agreementValues(before);
    if (was.statusDate !== data.statusDate || was.statusNote !== data.statusNote) {
      const { date, datePrecision, note } = statusColumns(currentStatus(data));
      await db.agreementStatusChange.update({ where: { id: latest.id }, data: { date, datePrecision, note } });
    }
  },
};

export const agreementRecord: RecordType<EditableAgreement, AgreementWrite, string | null, ReturnType<typeof columns>> = {
  entity: "Agreement",
  noun: "agreement",
  load: (db, id) => db.agreement.findUnique({ where: { id }, select: editableSelect }),
  values: agreementValues,
  references: dyadIdOf,
  columns,
  insert: (db, data) => db.agreement.createManyAndReturn({ data, select: { id: true, externalId: true } }),
  update: (db, args) => db.agreement.updateMany(args),
  // The parts an agreement is made of are written anew on each save (positions keep their order).
  children: [
    rewrittenOnSave({
      rows: (data: AgreementInput, agreementId: string) =>
        data.parties.map((p, position) => ({ name: p.name, kind: p.kind, countryCode: p.country ?? null, position, agreementId })),
      insert: (db, data) => db.agreementParty.createMany({ data }),
      clear: (db, agreementId) => db.agreementParty.deleteMany({ where: { agreementId } }),
    }),
    rewrittenOnSave({
      rows: (data: AgreementInput, agreementId: string) =>
        data.signatories.map((s, position) => ({ name: s.name, role: s.role, onBehalfOf: s.onBehalfOf ?? null, position, agreementId })),
      insert: (db, data) => db.signatory.createMany({ data }),
      clear: (db, agreementId) => db.signatory.deleteMany({ where: { agreementId } }),
    }),
    rewrittenOnSave({
      rows: (data: AgreementInput, agreementId: string) =>
        data.amounts.map((m) => ({ amount: m.amount, currency: m.currency ?? "", label: m.label, approximate: m.approximate, agreementId })),
      insert: (db, data) => db.agreementAmount.createMany({ data }),
      clear: (db, agreementId) => db.agreementAmount.deleteMany({ where: { agreementId } }),
    }),
    sourcesOf((agreementId) => ({ agreementId })),
    statusHistory,
  ],
};

export const { forEditing: agreementForEditing, create: createAgreement, update: updateAgreement, setArchived: setAgreementArchived } = writersOf(agreementRecord);
