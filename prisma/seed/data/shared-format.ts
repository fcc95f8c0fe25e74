// Reads the shared data format (../shared/data/*.csv: events and standing conditions, one
// row each) into seed records. The format has no level and no stable id: the caller judges
// each event's level (methodology §1, L) and the id is made from the row's own key, so a
// second seed finds the same records. Publisher and title of a source are the source_title
// cell split at " — ", as history.ts does by hand for the 2021–2024 files.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { precisionInterval, fromDay } from "../../../server/method/day";
import { CONDITION_KINDS, DATE_PRECISIONS, VERIFICATIONS, type ConditionKind, type DatePrecision, type Verification } from "../../../server/method/params";
import type { IsoDate, SeedCondition, SeedEvent, SeedSource } from "./types";

/** How the team reads one event row: its level and what the row alone cannot say. */
export type EventJudgement =
  | { level: SeedEvent["level"]; overrideKey?: SeedEvent["overrideKey"]; place?: SeedEvent["place"] }
  /** The same happening is already seeded under another id (the article's record): not seeded twice. */
  | { heldBy: string };

type Row = Record<string, string>;

/** The rows of a CSV file beside this module, keyed by header. */
export function readRows(fileName: string): Row[] {
  const text = readFileSync(new URL(fileName, import.meta.url), "utf8");
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Row[];
}

const cell = (row: Row, name: string): string => {
  const value = row[name];
  if (value === undefined) throw new Error(`Shared-format row lacks column ${name}`);
  return value;
};

function oneOf<T extends string>(values: readonly T[], raw: string, column: string): T {
  const found = values.find((v) => v === raw.toUpperCase());
  if (!found) throw new Error(`${column} "${raw}" is not one of ${values.join(", ")}`);
  return found;
}

function isIsoDate(value: string): value is IsoDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A coarse date is stored as its interval's first day (types.ts convention). */
function dateOf(raw: string, precision: DatePrecision): IsoDate {
  if (!isIsoDate(raw)) throw new Error(`date "${raw}" is not YYYY-MM-DD`);
  const first = fromDay(precisionInterval(raw, precision).first);
  if (!isIsoDate(first)) throw new Error(`date "${raw}" has no first day`);
  return first;
}

function pointsOf(raw: string): number {
  const points = Number(raw);
  if (raw === "" || !Number.isFinite(points)) throw new Error(`points "${raw}" is not a number`);
  return points;
}

export function sourceOf(sourceTitle: string, url: string): SeedSource {
  const at = sourceTitle.indexOf(" — ");
  return at < 0 ? { publisher: sourceTitle, title: sourceTitle, url } : { publisher: sourceTitle.slice(0, at), title: sourceTitle.slice(at + 3), url };
}

/** The stable id of an events row: its date, direction and event type, which no two rows share. */
export function sharedEventId(row: Row, prefix: string): string {
  return `${prefix}-${cell(row, "date")}-${cell(row, "actor")}-${cell(row, "target")}-${cell(row, "cameo_code")}`.toLowerCase();
}

/**
 * Events of a shared events file. Every row needs a judgement (a missing one fails the seed
 * rather than guessing a level); rows held by another record are left out.
 */
export function sharedEvents(rows: readonly Row[], prefix: string, judgements: ReadonlyMap<string, EventJudgement>): SeedEvent[] {
  const unused = new Set(judgements.keys());
  const events = rows.flatMap((row): SeedEvent[] => {
    const externalId = sharedEventId(row, prefix);
    const judgement = judgements.get(externalId);
    if (!judgement) throw new Error(`No level judged for shared event ${externalId}`);
    unused.delete(externalId);
    if ("heldBy" in judgement) return [];
    const datePrecision = oneOf(DATE_PRECISIONS, cell(row, "date_precision"), "date_precision");
    return [
      {
        externalId,
        title: cell(row, "title"),
        date: dateOf(cell(row, "date"), datePrecision),
        datePrecision,
        actor: cell(row, "actor"),
        target: cell(row, "target"),
        cameoCode: cell(row, "cameo_code"),
        verification: oneOf<Verification>(VERIFICATIONS, cell(row, "verification"), "verification"),
        sources: cell(row, "source_url") ? [sourceOf(cell(row, "source_title"), cell(row, "source_url"))] : [],
        ...judgement,
      },
    ];
  });
  if (unused.size) throw new Error(`Judgements for rows the file does not hold: ${[...unused].join(", ")}`);
  return events;
}

/**
 * Standing conditions of a shared conditions file. Our files add source_title and source_url
 * (the 2021–2024 file has neither); their values are the events file's, for the row that
 * started the condition.
 */
export function sharedConditions(rows: readonly Row[], prefix: string): SeedCondition[] {
  return rows.map((row) => {
    const dyad = cell(row, "dyad");
    const kind = oneOf<ConditionKind>(CONDITION_KINDS, cell(row, "kind"), "kind");
    const startPrecision = oneOf(DATE_PRECISIONS, cell(row, "starts_precision"), "starts_precision");
    const startDate = dateOf(cell(row, "starts_on"), startPrecision);
    const holder = cell(row, "holder");
    const endsOn = cell(row, "ends_on");
    const endPrecision = endsOn ? oneOf(DATE_PRECISIONS, cell(row, "ends_precision"), "ends_precision") : undefined;
    const url = row.source_url ?? "";
    return {
      externalId: `${prefix}-${startDate}-${dyad}-${kind}${holder ? `-${holder}` : ""}`.toLowerCase().replaceAll("_", "-"),
      dyad,
      kind,
      ...(holder && { holder }),
      points: pointsOf(cell(row, "points")),
      title: cell(row, "title"),
      startDate,
      startPrecision,
      ...(endPrecision && { endDate: dateOf(endsOn, endPrecision), endPrecision }),
      verification: oneOf<Verification>(VERIFICATIONS, cell(row, "verification"), "verification"),
      sources: url ? [sourceOf(row.source_title ?? "", url)] : [],
    };
  });
}
