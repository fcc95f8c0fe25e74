// Creating, editing, archiving and restoring agreements: one transaction each, with the audit
// entry; a change of status is added to the agreement's history rather than overwriting it.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../admin/audit";
import { sourcesCreate } from "../events/write";
import { fromDay, toDay } from "../method/day";
import type { DbOrTx } from "../relations/rollup";
import { fieldError, staleVersion } from "../shared/errors";
import type { AgreementInput } from "./write-schemas";

const dayDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => fromDay(toDay(d));

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

export function agreementValues(a: EditableAgreement): AgreementInput {
  const latest = a.statusHistory[0];
  return {
    title: a.title,
    kind: a.kind,
    summary: a.summary ?? undefined,
    dyad: a.dyad?.key,
    status: a.status,
    statusDate: latest?.date ? iso(latest.date) : undefined,
    statusNote: latest?.note ?? undefined,
    date: a.date ? iso(a.date) : undefined,
    datePrecision: a.datePrecision ?? undefined,
    place: a.placeName !== null && a.placeLat !== null && a.placeLon !== null ? { name: a.placeName, lat: a.placeLat, lon: a.placeLon } : undefined,
    sectors: a.sectors,
    parties: a.parties.map((p) => ({ name: p.name, kind: p.kind, country: p.countryCode ?? undefined })),
    signatories: a.signatories.map((s) => ({ name: s.name, role: s.role, onBehalfOf: s.onBehalfOf ?? undefined })),
    amounts: a.amounts.map((m) => ({ amount: m.amount.toString(), currency: m.currency, label: m.label, approximate: m.approximate })),
    sources: a.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? iso(s.publishedOn) : undefined })),
  };
}

const snapshot = (a: EditableAgreement) => JSON.parse(JSON.stringify({ ...agreementValues(a), archived: a.archivedAt !== null })) as Prisma.InputJsonValue;

async function dyadIdOf(db: DbOrTx, input: AgreementInput): Promise<string | null> {
  if (!input.dyad) return null;
  const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
  if (!dyad) throw fieldError("BAD_REQUEST", "dyad", `no dyad ${input.dyad} is recorded: an admin must add it first`);
  return dyad.id;
}

function columns(input: AgreementInput, dyadId: string | null) {
  return {
    title: input.title,
    kind: input.kind,
    summary: input.summary ?? null,
    dyadId,
    status: input.status,
    date: input.date ? dayDate(input.date) : null,
    datePrecision: input.date ? (input.datePrecision ?? "DAY") : null,
    placeName: input.place?.name ?? null,
    placeLat: input.place?.lat ?? null,
    placeLon: input.place?.lon ?? null,
    sectors: input.sectors,
  };
}

/** The parts an agreement is made of, written anew on each save (positions keep their order). */
function partsCreate(input: AgreementInput) {
  return {
    parties: input.parties.map((p, position) => ({ name: p.name, kind: p.kind, countryCode: p.country ?? null, position })),
    signatories: input.signatories.map((s, position) => ({ name: s.name, role: s.role, onBehalfOf: s.onBehalfOf ?? null, position })),
    amounts: input.amounts.map((m) => ({ amount: m.amount, currency: m.currency ?? "", label: m.label, approximate: m.approximate })),
  };
}

const statusEntry = (input: AgreementInput) => ({
  status: input.status,
  date: input.statusDate ? dayDate(input.statusDate) : null,
  datePrecision: input.statusDate ? ("DAY" as const) : null,
  note: input.statusNote ?? null,
});

export async function createAgreement(input: { db: Db; actorId: string | null; data: AgreementInput }) {
  const { db, actorId, data } = input;
  return db.$transaction(async (tx) => {
    const parts = partsCreate(data);
    const created = await tx.agreement.create({
      data: {
        ...columns(data, await dyadIdOf(tx, data)),
        provenance: "ENTERED",
        parties: { create: parts.parties },
        signatories: { create: parts.signatories },
        amounts: { create: parts.amounts },
        sources: { create: sourcesCreate(data) },
        statusHistory: { create: [statusEntry(data)] },
      },
      select: editableSelect,
    });
    await recordAudit({ db: tx, actorId, action: "CREATE", entityType: "Agreement", entityId: created.id, before: null, after: snapshot(created) });
    return { id: created.id, version: created.version };
  });
}

async function loadForWrite(tx: DbOrTx, id: string, version: number): Promise<EditableAgreement> {
  const current = await tx.agreement.findUnique({ where: { id }, select: editableSelect });
  if (!current) throw fieldError("NOT_FOUND", "id", "no such agreement");
  if (current.version !== version) throw staleVersion({ version: current.version, values: agreementValues(current), updatedAt: current.updatedAt });
  return current;
}

/**
 * A new status joins the history; the same status with another date or note corrects its latest
 * entry (the form shows that entry's date and note, so an edit there must not be dropped).
 */
async function recordStatus(tx: DbOrTx, before: EditableAgreement, data: AgreementInput): Promise<void> {
  const latest = before.statusHistory[0];
  if (!latest || latest.status !== data.status) {
    await tx.agreementStatusChange.create({ data: { ...statusEntry(data), agreementId: before.id } });
    return;
  }
  const was = agreementValues(before);
  if (was.statusDate !== data.statusDate || was.statusNote !== data.statusNote) {
    const { date, datePrecision, note } = statusEntry(data);
    await tx.agreementStatusChange.update({ where: { id: latest.id }, data: { date, datePrecision, note } });
  }
}

export async function updateAgreement(input: { db: Db; actorId: string | null; id: string; version: number; data: AgreementInput }) {
  const { db, actorId, id, version, data } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, id, version);
    const { count } = await tx.agreement.updateMany({ where: { id, version }, data: { ...columns(data, await dyadIdOf(tx, data)), version: { increment: 1 } } });
    if (count === 0) throw staleVersion({ version: before.version + 1, values: agreementValues(before), updatedAt: new Date() });
    const parts = partsCreate(data);
    await tx.agreementParty.deleteMany({ where: { agreementId: id } });
    await tx.agreementParty.createMany({ data: parts.parties.map((p) => ({ ...p, agreementId: id })) });
    await tx.signatory.deleteMany({ where: { agreementId: id } });
    await tx.signatory.createMany({ data: parts.signatories.map((s) => ({ ...s, agreementId: id })) });
    await tx.agreementAmount.deleteMany({ where: { agreementId: id } });
    await tx.agreementAmount.createMany({ data: parts.amounts.map((m) => ({ ...m, agreementId: id })) });
    await tx.source.deleteMany({ where: { agreementId: id } });
    await tx.source.createMany({ data: sourcesCreate(data).map((s) => ({ ...s, agreementId: id })) });
    await recordStatus(tx, before, data);
    const after = await tx.agreement.findUniqueOrThrow({ where: { id }, select: editableSelect });
    await recordAudit({ db: tx, actorId, action: "UPDATE", entityType: "Agreement", entityId: id, before: snapshot(before), after: snapshot(after) });
    return { id, version: after.version };
  });
}

/** Archive (archived: true) or restore: the agreement leaves or rejoins the feed and the exports. */
export async function setAgreementArchived(input: { db: Db; actorId: string | null; id: string; version: number; archived: boolean }) {
  const { db, actorId, id, version, archived } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, id, version);
    const { count } = await tx.agreement.updateMany({ where: { id, version }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    if (count === 0) throw staleVersion({ version: before.version + 1, values: agreementValues(before), updatedAt: new Date() });
    const after = await tx.agreement.findUniqueOrThrow({ where: { id }, select: editableSelect });
    await recordAudit({ db: tx, actorId, action: archived ? "ARCHIVE" : "RESTORE", entityType: "Agreement", entityId: id, before: snapshot(before), after: snapshot(after) });
    return { id, version: after.version };
  });
}

/** The editor's starting point: the agreement's fields, the version they are at, archived or not. */
export async function agreementForEditing({ db, id }: { db: Db; id: string }) {
  const agreement = await db.agreement.findUnique({ where: { id }, select: editableSelect });
  return agreement ? { id: agreement.id, version: agreement.version, archived: agreement.archivedAt !== null, values: agreementValues(agreement) } : null;
}
