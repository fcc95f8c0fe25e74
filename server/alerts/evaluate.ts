// What an alert rule makes of one change to its dyad, and when a rule may fire again: pure, so the
// job (job.ts) only reads the rollup and writes what these functions decide.
import { bandOf } from "../method/index-math";
import type { CauseSaid } from "./cause-words";

export type AlertKindName = "BAND_CHANGE" | "MOVE" | "CONDITION" | "UNUSUAL" | "EVENT_SCORE" | "AGREEMENT_FILTER";

/**
 * One publish as the index saw it: the dyad's value today before and after (null: no data), and
 * whether its unusual-change flag (method/index-math judgeChange) was on before and after (before
 * null: not judged, the rollup was behind today; records/index-changes.ts).
 */
export interface DyadMove {
  dyadId: string;
  before: number | null;
  after: number | null;
  unusualBefore: boolean | null;
  unusualAfter: boolean;
}

/** The kinds judged on a dyad's move; EVENT_SCORE and AGREEMENT_FILTER judge the records written. */
export const MOVE_KINDS = ["BAND_CHANGE", "MOVE", "UNUSUAL"] as const satisfies readonly AlertKindName[];

export interface RuleTerms {
  kind: AlertKindName;
  threshold: number | null;
  days: number | null;
}

const bandAt = (value: number | null) => (value === null ? null : bandOf(value));

/**
 * The cause (a key and its arguments, cause-words.ts) when the change fires the rule, else null. A
 * CONDITION rule fires on the days its conditions start or end (conditionDayCause), not when one
 * is written. `past` is the dyad's value `days` days ago (MOVE only). A MOVE fires when this
 * change carries the move across the threshold, so a move that stays large does not fire again on
 * every later publish. UNUSUAL fires only on a flag judged before the change (not null).
 */
export function causeOf(rule: RuleTerms, move: DyadMove, past: number | null = null): CauseSaid | null {
  switch (rule.kind) {
    case "BAND_CHANGE": {
      const [from, to] = [bandAt(move.before), bandAt(move.after)];
      return from === to ? null : { kind: "band", from, to, before: move.before, after: move.after };
    }
    case "MOVE": {
      if (rule.threshold === null || rule.days === null || past === null || move.after === null) return null;
      const wasMoved = move.before === null ? 0 : Math.abs(move.before - past);
      const moved = move.after - past;
      if (Math.abs(moved) < rule.threshold || wasMoved >= rule.threshold) return null;
      return { kind: "move", moved, days: rule.days, past, after: move.after };
    }
    case "UNUSUAL":
      return move.unusualBefore === false && move.unusualAfter ? { kind: "unusual", after: move.after } : null;
    case "CONDITION":
    case "EVENT_SCORE":
    case "AGREEMENT_FILTER":
      return null;
  }
}

/** A record as a change wrote it, as far as rules judge it (server/alerts/outbox.ts ChangedRecord). */
export interface RecordWritten {
  entity: string;
  action: "CREATE" | "UPDATE" | "ARCHIVE" | "RESTORE";
  dyadId: string | null;
  goldstein: number | null;
}

/**
 * Whether any rule could fire on this record: a new event (EVENT_SCORE), or an agreement recorded,
 * edited or restored (AGREEMENT_FILTER; an archived one leaves the feed, so it matches no filter).
 */
export function mayFireRecordRule(record: RecordWritten): boolean {
  if (record.entity === "Event") return record.action === "CREATE" && record.goldstein !== null;
  return record.entity === "Agreement" && record.action !== "ARCHIVE";
}

/** An EVENT_SCORE rule's cause when the record is a new event in its dyad with |G| at least its threshold. */
export function eventScoreCause(rule: { dyadId: string | null; threshold: number | null }, record: RecordWritten, title: string): CauseSaid | null {
  if (record.entity !== "Event" || record.action !== "CREATE" || record.goldstein === null || rule.threshold === null) return null;
  if (record.dyadId !== rule.dyadId || Math.abs(record.goldstein) < rule.threshold) return null;
  return { kind: "eventScore", score: record.goldstein, threshold: rule.threshold, title };
}

/** An AGREEMENT_FILTER rule's cause for an agreement its filter matched; `filter` in words. */
export const agreementCause = (record: RecordWritten, title: string, filter: string): CauseSaid => ({ kind: "agreement", created: record.action === "CREATE", filter, title });

/** A CONDITION rule's cause on the day one of its dyad's standing conditions starts or ends. */
export const conditionDayCause = (title: string, starts: boolean): CauseSaid => ({ kind: "condition", starts, title });

/** A rule fires when it never has, or its cooldown has passed since it last did. */
export function cooledDown(rule: { lastFiredAt: Date | null; cooldownMinutes: number }, now: Date): boolean {
  return rule.lastFiredAt === null || now.getTime() - rule.lastFiredAt.getTime() >= rule.cooldownMinutes * 60_000;
}

/** The one alert a rule's pending causes make, oldest first: several when the cooldown held them. */
export function groupCauses(causes: readonly string[]): string {
  return causes.length === 1 ? (causes[0] ?? "") : `${causes.length} changes: ${causes.join(" ")}`;
}
