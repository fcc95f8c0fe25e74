// One CSV row to the event form's input, validated by the form's own schema (eventInput), with
// each problem said as the column it is about.
import { z } from "zod";
import { said } from "../shared/said";
import { eventInput, type EventInput } from "../events/schemas";
import { PLACE_COLUMNS, SOURCE_FIELDS, sourceColumn, sourceColumnName } from "./columns";
import type { CsvRow } from "./csv";

export interface RowProblem {
  column: string;
  message: string;
}

export type ValidatedRow =
  | { ok: true; row: number; externalId: string; data: EventInput }
  | { ok: false; row: number; externalId: string | null; problems: RowProblem[] };

export const externalIdCell = z.string().trim().min(1, "give each row its own stable id").max(100, "at most 100 characters");

const FIELD_COLUMNS: Record<string, string> = {
  title: "title",
  summary: "summary",
  date: "date",
  datePrecision: "date_precision",
  dyad: "dyad",
  actor: "actor",
  target: "target",
  cameoCode: "cameo_code",
  overrideKey: "override_key",
  scoreOverride: "score_override",
  overrideReason: "override_reason",
  level: "level",
  verification: "verification",
  agreementIds: "agreement_ids",
};

const SOURCE_FIELD_COLUMNS: Record<string, (typeof SOURCE_FIELDS)[number]> = { publisher: "publisher", title: "title", url: "url", publishedOn: "published_on" };

/** The column an eventInput field path stands for; `sourceGroups[i]` is the group of sources[i]. */
export function columnOf(path: readonly PropertyKey[], sourceGroups: readonly number[]): string {
  const [field, index, sub] = path;
  if (field === "place") return typeof index === "string" && index !== "name" ? `place_${index}` : "place_name";
  if (field === "sources" && typeof index === "number") {
    const group = sourceGroups[index] ?? index + 1;
    return sourceColumnName(group, SOURCE_FIELD_COLUMNS[String(sub)] ?? "url");
  }
  return FIELD_COLUMNS[String(field)] ?? String(field);
}

const ENUM_COLUMNS = new Set(["date_precision", "level", "verification", "override_key"]);

/** The row's raw input: present columns over what is stored, so a column left out of the file keeps its value. */
function rawInput(row: CsvRow, stored: EventInput | undefined) {
  const problems: RowProblem[] = [];
  const cell = (column: string) => row.cells.get(column) || undefined;
  const number = (column: string): number | undefined => {
    const value = cell(column);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (Number.isFinite(n)) return n;
    problems.push({ column, message: said("notANumber", { value }) });
    return undefined;
  };
  const raw: Record<string, unknown> = stored ? { ...stored } : { agreementIds: [], sources: [] };
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    if (!row.cells.has(column) || column === "agreement_ids" || column === "score_override") continue;
    const value = cell(column);
    raw[field] = value !== undefined && ENUM_COLUMNS.has(column) ? value.toUpperCase() : value;
  }
  if (row.cells.has("score_override")) raw.scoreOverride = number("score_override");
  if (row.cells.has("agreement_ids")) raw.agreementIds = (cell("agreement_ids") ?? "").split(/[\s|]+/).filter(Boolean);
  if (row.cells.has(PLACE_COLUMNS[0])) {
    const [name, lat, lon] = [cell("place_name"), number("place_lat"), number("place_lon")];
    raw.place = name === undefined && lat === undefined && lon === undefined ? undefined : { name: name ?? "", lat, lon };
  }
  const groups = [...new Set([...row.cells.keys()].flatMap((name) => sourceColumn(name)?.group ?? []))].sort((a, b) => a - b);
  const sourceGroups: number[] = [];
  if (groups.length) {
    const sources = [];
    for (const group of groups) {
      const [publisher, title, url, publishedOn] = SOURCE_FIELDS.map((f) => cell(sourceColumnName(group, f)));
      if (publisher === undefined && title === undefined && url === undefined && publishedOn === undefined) continue;
      sources.push({ publisher: publisher ?? "", title: title ?? "", url: url ?? "", publishedOn });
      sourceGroups.push(group);
    }
    raw.sources = sources;
  }
  return { raw, problems, sourceGroups };
}

/** Validates one row; `stored` is the event its external id already names, if any. */
export function validateRow(row: CsvRow, stored?: EventInput): ValidatedRow {
  const id = externalIdCell.safeParse(row.cells.get("external_id") ?? "");
  const externalId = id.success ? id.data : null;
  if (row.shapeError) return { ok: false, row: row.row, externalId, problems: [{ column: "(row)", message: row.shapeError }] };
  const { raw, problems, sourceGroups } = rawInput(row, stored);
  if (!id.success) problems.unshift({ column: "external_id", message: id.error.issues[0]?.message ?? "invalid" });
  const parsed = eventInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ column: columnOf(issue.path, sourceGroups), message: issue.message });
  }
  if (problems.length || !parsed.success || externalId === null) return { ok: false, row: row.row, externalId, problems: firstPerColumn(problems) };
  return { ok: true, row: row.row, externalId, data: parsed.data };
}

/** One message per column: the first is the one to fix first (a number that is not one, before its range). */
function firstPerColumn(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (seen.has(p.column)) return false;
    seen.add(p.column);
    return true;
  });
}
