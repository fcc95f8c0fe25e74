// The import file's columns: one list read by the parser, the template, the page's format
// table and docs/import-format.md, so the four never disagree.
import { DATE_PRECISIONS, LEVELS, OVERRIDE_KEYS, VERIFICATIONS } from "../method/params";

export interface ImportColumn {
  name: string;
  required: boolean;
  /** What goes in the cell, with allowed values; shown on the page and in the docs. */
  meaning: string;
}

const oneOf = (values: readonly string[]) => `one of ${values.join(", ")} (any case)`;

export const EVENT_COLUMNS: readonly ImportColumn[] = [
  { name: "external_id", required: true, meaning: "your stable id for the row (at most 100 characters): a re-import updates the event that carries it instead of adding another" },
  { name: "title", required: true, meaning: "3 to 200 characters" },
  { name: "summary", required: false, meaning: "up to 4,000 characters" },
  { name: "date", required: true, meaning: "YYYY-MM-DD; for a coarse date, any day inside the month, quarter, season or year" },
  { name: "date_precision", required: true, meaning: oneOf(DATE_PRECISIONS) },
  { name: "dyad", required: true, meaning: "the pair of countries, ISO alpha-3 codes joined by a dash, e.g. FRA-MAR (either order); the dyad must exist" },
  { name: "actor", required: true, meaning: "the acting country, one of the dyad's two codes" },
  { name: "target", required: true, meaning: "the other country of the dyad" },
  { name: "cameo_code", required: true, meaning: "a CAMEO event code from the methodology's table, e.g. 057 (sign formal agreement)" },
  { name: "level", required: true, meaning: oneOf(LEVELS) },
  { name: "verification", required: true, meaning: oneOf(VERIFICATIONS) },
  { name: "override_key", required: false, meaning: `a published override of the Goldstein value: ${oneOf(OVERRIDE_KEYS)}` },
  { name: "score_override", required: false, meaning: "your own Goldstein value, a number from -10 to 10; needs override_reason" },
  { name: "override_reason", required: false, meaning: "why the score is overridden, at least 10 characters" },
  { name: "place_name", required: false, meaning: "where it happened; place_name, place_lat and place_lon go together" },
  { name: "place_lat", required: false, meaning: "latitude, a number from -90 to 90, e.g. 34.02" },
  { name: "place_lon", required: false, meaning: "longitude, a number from -180 to 180, e.g. -6.84" },
  { name: "agreement_ids", required: false, meaning: "linked agreements, their ids as in /agreements/<id>, separated by spaces or vertical bars" },
];

export const SOURCE_FIELDS = ["publisher", "title", "url", "published_on"] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** Sources take numbered groups of columns: source_1_publisher, source_1_title, … up to source_20_…. */
export const MAX_SOURCE_GROUPS = 20;

export const SOURCE_COLUMNS: readonly ImportColumn[] = [
  { name: "source_N_publisher", required: false, meaning: "who published source N (N from 1 to 20)" },
  { name: "source_N_title", required: false, meaning: "its title" },
  { name: "source_N_url", required: false, meaning: "its http:// or https:// address" },
  { name: "source_N_published_on", required: false, meaning: "its date, YYYY-MM-DD (optional)" },
];

const SOURCE_COLUMN = /^source_(\d{1,2})_(publisher|title|url|published_on)$/;

export function sourceColumn(name: string): { group: number; field: SourceField } | null {
  const match = SOURCE_COLUMN.exec(name);
  if (!match) return null;
  const group = Number(match[1]);
  const field = SOURCE_FIELDS.find((f) => f === match[2]);
  return field && group >= 1 && group <= MAX_SOURCE_GROUPS ? { group, field } : null;
}

export const sourceColumnName = (group: number, field: SourceField) => `source_${group}_${field}`;

const KNOWN = new Set(EVENT_COLUMNS.map((c) => c.name));

export const isKnownColumn = (name: string) => KNOWN.has(name) || sourceColumn(name) !== null;

export const PLACE_COLUMNS = ["place_name", "place_lat", "place_lon"] as const;

export const REQUIRED_COLUMNS = EVENT_COLUMNS.filter((c) => c.required).map((c) => c.name);

/** Largest file and row count one import takes: a 10,000-row import is benchmarked (BENCHMARKS.md). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
