// One GDELT 2.0 export row: 61 tab-separated columns, no header (PROVENANCE.md lists them).
// Every row gets the checks that say the file is an export file at all (column count, event id,
// SQLDATE, DATEADDED); the remaining columns are read only for the rows the filter keeps, which
// is what lets a backfill get through hundreds of thousands of rows a second.
import { isStorableText } from "@/server/shared/storable-text";
import { GdeltFileError } from "./errors";

export const EXPORT_COLUMNS = 61;

/** 0-based column positions, named as in GDELT's codebook. */
export const COL = {
  GLOBALEVENTID: 0,
  SQLDATE: 1,
  Actor1CountryCode: 7,
  Actor2CountryCode: 17,
  EventCode: 26,
  GoldsteinScale: 30,
  NumMentions: 31,
  NumSources: 32,
  NumArticles: 33,
  AvgTone: 34,
  ActionGeo_Type: 51,
  ActionGeo_FullName: 52,
  ActionGeo_Lat: 56,
  ActionGeo_Long: 57,
  DATEADDED: 59,
  SOURCEURL: 60,
} as const;

/** The checked skeleton of a row; `fieldAt` reads any other column of it. */
export interface ExportRow {
  line: number;
  /** GLOBALEVENTID's digits (made a bigint only for the kept rows). */
  globalEventId: string;
  /** SQLDATE as "YYYY-MM-DD": the day GDELT places the event on (may be long before DATEADDED). */
  day: string;
  dateAdded: Date;
  text: string;
  /** Where each of the 60 tabs is in `text`: columns are cut out only when read. */
  tabs: Int32Array;
}

const MAX_BIGINT = "9223372036854775807";
/** Digits that fit PostgreSQL's bigint, compared as text: no BigInt per row. */
const fitsBigint = (digits: string) => digits.length < 19 || (digits.length === 19 && digits <= MAX_BIGINT);
/** Throws the error naming the line: a file with one malformed row is not read at all. */
export function failRow(line: number, message: string): never {
  throw new GdeltFileError("row", message, line);
}

// A file's rows share a handful of SQLDATEs and usually one DATEADDED: each is checked once.
const checkedDays = new Map<string, string>();
let lastAdded: { stamp: string; at: Date } | null = null;

function calendarDay(stamp: string): string | null {
  const known = checkedDays.get(stamp);
  if (known !== undefined) return known;
  const day = uncachedCalendarDay(stamp);
  if (day !== null && checkedDays.size < 100_000) checkedDays.set(stamp, day);
  return day;
}

function uncachedCalendarDay(stamp: string): string | null {
  if (!/^\d{8}$/.test(stamp)) return null;
  const [y, m, d] = [Number(stamp.slice(0, 4)), Number(stamp.slice(4, 6)), Number(stamp.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
}

function instant(stamp: string): Date | null {
  if (lastAdded?.stamp === stamp) return new Date(lastAdded.at);
  const at = uncachedInstant(stamp);
  if (at) lastAdded = { stamp, at };
  return at;
}

function uncachedInstant(stamp: string): Date | null {
  if (!/^\d{14}$/.test(stamp)) return null;
  const day = calendarDay(stamp.slice(0, 8));
  const [h, min, s] = [Number(stamp.slice(8, 10)), Number(stamp.slice(10, 12)), Number(stamp.slice(12, 14))];
  if (!day || h > 23 || min > 59 || s > 59) return null;
  return new Date(`${day}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`);
}

/** Column `index` (0-based) of a row whose tabs were found. */
export function fieldAt(row: Pick<ExportRow, "text" | "tabs">, index: number): string {
  const start = index === 0 ? 0 : (row.tabs[index - 1] ?? 0) + 1;
  const end = index === EXPORT_COLUMNS - 1 ? row.text.length : (row.tabs[index] ?? row.text.length);
  return row.text.slice(start, end);
}

/** Splits and checks one line (without its line end). */
export function parseExportRow(text: string, line: number): ExportRow {
  // Finding the tabs is a few times faster than text.split("\t"), and most rows are dropped.
  const tabs = new Int32Array(EXPORT_COLUMNS - 1);
  let count = 0;
  for (let at = text.indexOf("\t"); at !== -1; at = text.indexOf("\t", at + 1)) {
    if (count < tabs.length) tabs[count] = at;
    count++;
  }
  if (count !== EXPORT_COLUMNS - 1) failRow(line, `${count + 1} columns, an export row has ${EXPORT_COLUMNS}`);
  const row = { line, text, tabs };
  const id = fieldAt(row, COL.GLOBALEVENTID);
  if (!/^\d{1,19}$/.test(id) || !fitsBigint(id)) failRow(line, `GLOBALEVENTID ${JSON.stringify(id.slice(0, 40))} is not an event id`);
  const sqlDate = fieldAt(row, COL.SQLDATE);
  const day = calendarDay(sqlDate) ?? failRow(line, `SQLDATE ${JSON.stringify(sqlDate.slice(0, 40))} is not a YYYYMMDD date`);
  const added = fieldAt(row, COL.DATEADDED);
  const dateAdded = instant(added) ?? failRow(line, `DATEADDED ${JSON.stringify(added.slice(0, 40))} is not a YYYYMMDDHHMMSS time`);
  return { ...row, globalEventId: id, day, dateAdded };
}

/** A number column of a kept row; `integer` also requires 0 ≤ n < 2³¹ (the counts). */
export function numberAt(row: ExportRow, column: keyof typeof COL, kind: "integer" | "decimal"): number {
  const text = fieldAt(row, COL[column]);
  const pattern = kind === "integer" ? /^\d{1,10}$/ : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
  const value = Number(text);
  if (!pattern.test(text) || !Number.isFinite(value) || (kind === "integer" && value > 2_147_483_647)) {
    failRow(row.line, `${column} ${JSON.stringify(text.slice(0, 40))} is not ${kind === "integer" ? "a count" : "a number"}`);
  }
  return value;
}

/** A text column of a kept row: empty is null; text PostgreSQL cannot store is an error. */
export function textAt(row: ExportRow, column: keyof typeof COL): string | null {
  const text = fieldAt(row, COL[column]);
  if (!isStorableText(text)) failRow(row.line, `${column} holds a NUL character`);
  return text === "" ? null : text;
}
