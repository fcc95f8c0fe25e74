// One agreement as the downloads carry it: the JSON export writes this record as it is, the
// CSV export flattens it into one line.
import { isoDayOf } from "../scope/day";
import type { AgreementExportRow } from "./service";

const isoDay = (date: Date | null) => (date ? isoDayOf(date) : null);

export function exportRecord(a: AgreementExportRow, origin: string) {
  return {
    id: a.id,
    url: `${origin}/agreements/${a.id}`,
    title: a.title,
    kind: a.kind,
    status: a.status,
    date: isoDay(a.date),
    datePrecision: a.datePrecision,
    dyad: a.dyad?.key ?? null,
    summary: a.summary,
    place: a.placeName,
    sectors: a.sectors,
    parties: a.parties.map((p) => ({ name: p.name, kind: p.kind, country: p.countryCode })),
    signatories: a.signatories,
    // Decimal as text: a JSON number would round amounts past 2^53.
    amounts: a.amounts.map((m) => ({ amount: m.amount.toString(), currency: m.currency, label: m.label, approximate: m.approximate })),
    sources: a.sources.map((s) => ({ ...s, publishedOn: isoDay(s.publishedOn) })),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export type ExportRecord = ReturnType<typeof exportRecord>;
