// From the uploaded text to rows of named cells, with the file-level refusals (size, row count,
// header) said once, up front, before any row is looked at.
import { CsvError, parse } from "csv-parse/sync";
import { said } from "../shared/said";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../shared/storable-text";
import { isKnownColumn, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, PLACE_COLUMNS, REQUIRED_COLUMNS, sourceColumn, sourceColumnName } from "./columns";

export interface CsvRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  cells: ReadonlyMap<string, string>;
  /** Set when the row has more or fewer cells than the header: its cells are not trusted. */
  shapeError?: string;
}

export type ParsedCsv = { ok: true; columns: string[]; rows: CsvRow[] } | { ok: false; problems: string[] };


export const TOO_LARGE = said("importTooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 });

export function parseImportCsv(text: string): ParsedCsv {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return { ok: false, problems: [TOO_LARGE] };
  let records: string[][];
  try {
    // bom: spreadsheets save UTF-8 with one; CRLF and quoted cells (commas, newlines) are RFC 4180.
    // One record past the limit is enough to say the file is too long.
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, to: MAX_IMPORT_ROWS + 2 });
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problems: [said("importNotCsv", { reason: error.message })] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [said("importEmpty")] };
  if (body.length > MAX_IMPORT_ROWS) {
    return { ok: false, problems: [said("importTooManyRows", { max: MAX_IMPORT_ROWS })] };
  }
  // PostgreSQL cannot store these, and no spreadsheet writes them: a sign of a binary or damaged file.
  const unstorable = records.findIndex((record) => !record.every(isStorableText));
  if (unstorable >= 0) return { ok: false, problems: [`Row ${unstorable + 1} holds text that ${UNSTORABLE_TEXT_MESSAGE}: is this the CSV file you meant?`] };
  const columns = header.map((name) => name.trim().toLowerCase());
  const problems = headerProblems(columns);
  if (problems.length) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [said("importNoRows")] };
  const rows = body.map((cells, i): CsvRow => ({
    row: i + 2,
    cells: new Map(columns.map((name, c) => [name, (cells[c] ?? "").trim()])),
    ...(cells.length !== columns.length && { shapeError: said("importRowShape", { cells: cells.length, columns: columns.length }) }),
  }));
  return { ok: true, columns, rows };
}

function headerProblems(columns: string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === "") problems.push(said("importHeaderEmpty"));
    else if (seen.has(name)) problems.push(said("importColumnTwice", { name }));
    else if (!isKnownColumn(name)) problems.push(said("importUnknownColumn", { name }));
    seen.add(name);
  }
  const places = PLACE_COLUMNS.filter((name) => seen.has(name));
  if (places.length && places.length < PLACE_COLUMNS.length) problems.push(said("importPlaceColumns", { names: PLACE_COLUMNS.join(", ") }));
  const groups = new Set(columns.flatMap((name) => sourceColumn(name)?.group ?? []));
  for (const group of [...groups].sort((a, b) => a - b)) {
    const missingParts = (["publisher", "title", "url"] as const).map((f) => sourceColumnName(group, f)).filter((name) => !seen.has(name));
    if (missingParts.length) problems.push(said("importSourceColumns", { group, count: missingParts.length, names: missingParts.join(", ") }));
  }
  const missing = REQUIRED_COLUMNS.filter((name) => !seen.has(name));
  if (missing.length) problems.push(said("importMissingColumns", { count: missing.length, names: missing.join(", ") }));
  return problems;
}
