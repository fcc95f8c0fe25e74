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

/** The checked skeleton of a row; `fields` holds all 61 columns for the detailed read. */
export interface ExportRow {
  line: number;
  globalEventId: bigint;
  /** SQLDATE as "YYYY-MM-DD": the day GDELT places the event on (may be long before DATEADDED). */
  day: string;
  dateAdded: Date;
  fields: string[];
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;
/** Throws the error naming the line: a file with one malformed row is not read at all. */
export function failRow(line: number, message: string): never {
  throw new GdeltFileError("row", message, line);
}

function calendarDay(stamp: string): string | null {
  if (!/^\d{8}$/.test(stamp)) return null;
  const [y, m, d] = [Number(stamp.slice(0, 4)), Number(stamp.slice(4, 6)), Number(stamp.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
}

function instant(stamp: string): Date | null {
  if (!/^\d{14}$/.test(stamp)) return null;
  const day = calendarDay(stamp.slice(0, 8));
  const [h, min, s] = [Number(stamp.slice(8, 10)), Number(stamp.slice(10, 12)), Number(stamp.slice(12, 14))];
  if (!day || h > 23 || min > 59 || s > 59) return null;
  return new Date(`${day}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`);
}

/** Splits and checks one line (without its line end). */
export function parseExportRow(text: string, line: number): ExportRow {
  const fields = text.split("\t");
  if (fields.length !== EXPORT_COLUMNS) failRow(line, `${fields.length} columns, an export row has ${EXPORT_COLUMNS}`);
  const id = fields[COL.GLOBALEVENTID] ?? "";
  if (!/^\d{1,19}$/.test(id) || BigInt(id) > MAX_BIGINT) failRow(line, `GLOBALEVENTID ${JSON.stringify(id.slice(0, 40))} is not an event id`);
  const sqlDate = fields[COL.SQLDATE] ?? "";
  const day = calendarDay(sqlDate) ?? failRow(line, `SQLDATE ${JSON.stringify(sqlDate.slice(0, 40))} is not a YYYYMMDD date`);
  const added = fields[COL.DATEADDED] ?? "";
  const dateAdded = instant(added) ?? failRow(line, `DATEADDED ${JSON.stringify(added.slice(0, 40))} is not a YYYYMMDDHHMMSS time`);
  return { line, globalEventId: BigInt(id), day, dateAdded, fields };
}

/** A number column of a kept row; `integer` also requires 0 ≤ n < 2³¹ (the counts). */
export function numberAt(row: ExportRow, column: keyof typeof COL, kind: "integer" | "decimal"): number {
  const text = row.fields[COL[column]] ?? "";
  const pattern = kind === "integer" ? /^\d{1,10}$/ : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
  const value = Number(text);
  if (!pattern.test(text) || !Number.isFinite(value) || (kind === "integer" && value > 2_147_483_647)) {
    failRow(row.line, `${column} ${JSON.stringify(text.slice(0, 40))} is not ${kind === "integer" ? "a count" : "a number"}`);
  }
  return value;
}

/** A text column of a kept row: empty is null; text PostgreSQL cannot store is an error. */
export function textAt(row: ExportRow, column: keyof typeof COL): string | null {
  const text = row.fields[COL[column]] ?? "";
  if (!isStorableText(text)) failRow(row.line, `${column} holds a NUL character`);
  return text === "" ? null : text;
}
