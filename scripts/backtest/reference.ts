// The reference list a backtest compares with: one row per dyad-month, read by analysts from the
// record (dyad, month, direction, reason, source), the form CrisisWatch gives its monthly arrows.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { DIRECTIONS, isMonth, type Direction } from "../../server/method/backtest";

export interface ReferenceRow {
  dyad: string;
  month: string;
  direction: Direction;
  reason: string;
  source: string;
}

const COLUMNS = ["dyad", "month", "direction", "reason", "source"] as const;

/** Reads and checks a reference file; any bad row fails with its line number and what is wrong. */
export function readReference(file: string, dyads: readonly string[]): ReferenceRow[] {
  const records = parse(readFileSync(file, "utf8"), { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const seen = new Set<string>();
  return records.map((record, i) => {
    const line = i + 2; // the header is line 1
    const fail = (what: string): never => {
      throw new Error(`${file}, line ${line}: ${what}`);
    };
    for (const column of COLUMNS) if (!record[column]) fail(`${column} is empty or missing`);
    const { dyad = "", month = "", direction = "", reason = "", source = "" } = record;
    if (!dyads.includes(dyad)) fail(`dyad "${dyad}" is not one of ${dyads.join(", ")}`);
    if (!isMonth(month)) fail(`month "${month}" is not YYYY-MM`);
    const known = DIRECTIONS.find((d) => d === direction);
    if (!known) return fail(`direction "${direction}" is not one of ${DIRECTIONS.join(", ")}`);
    if (!/^https?:\/\/\S+$/.test(source)) fail(`source "${source}" is not a web address`);
    if (seen.has(`${dyad} ${month}`)) fail(`${dyad} ${month} is listed twice`);
    seen.add(`${dyad} ${month}`);
    return { dyad, month, direction: known, reason, source };
  });
}
