// Agreements as CSV (RFC 4180: quoted where needed, CRLF between records), one batch at a
// time so that a download of any size streams.
import { stringify } from "csv-stringify/sync";
import { exportRecord } from "./export-record";
import type { AgreementExportRow } from "./service";

const COLUMNS = [
  "id",
  "url",
  "title",
  "kind",
  "status",
  "date",
  "date_precision",
  "dyad",
  "parties",
  "signatories",
  "sectors",
  "amounts",
  "summary",
  "place",
  "sources",
  "updated_at",
] as const;

export type CsvColumn = (typeof COLUMNS)[number];

type CsvRecord = Record<CsvColumn, string>;

const LIST = "; ";

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula ("CSV injection"); a
 * leading apostrophe makes it text, as OWASP advises. Such titles do not occur in practice.
 */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvRecord(a: AgreementExportRow, origin: string): CsvRecord {
  const r = exportRecord(a, origin);
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    kind: r.kind,
    status: r.status,
    date: r.date ?? "",
    date_precision: r.datePrecision ?? "",
    dyad: r.dyad ?? "",
    parties: r.parties.map((p) => p.name).join(LIST),
    signatories: r.signatories.map((s) => `${s.name} (${s.role})`).join(LIST),
    sectors: r.sectors.join(LIST),
    amounts: r.amounts.map((m) => `${m.amount} ${m.currency} ${m.label}${m.approximate ? " (approximate)" : ""}`).join(LIST),
    summary: r.summary ?? "",
    place: r.place ?? "",
    sources: r.sources.map((s) => s.url).join(LIST),
    updated_at: r.updatedAt,
  };
}

const options = { record_delimiter: "windows", cast: { string: inert } } as const;

/**
 * The header line, behind a byte-order mark so that spreadsheets read the file as UTF-8. Only the
 * header's words follow the reader's language (`exports.csv`); the columns' order and values do not.
 */
export function csvHeader(name: (column: CsvColumn) => string = (column) => column): string {
  return `\uFEFF${stringify([COLUMNS.map(name)], options)}`;
}

export function csvLines(rows: AgreementExportRow[], origin: string): string {
  return stringify(
    rows.map((row) => csvRecord(row, origin)),
    { ...options, columns: [...COLUMNS] },
  );
}
