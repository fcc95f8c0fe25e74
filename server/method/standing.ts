// Which events open or end a standing condition, and when a condition in force wants checking.
// Standing conditions are what admins forget to enter and to close: publishing an event of one of
// these types proposes the condition (or its end) for review. Pure: the table is the method's,
// shown on /methodology; the writer is server/drafts/proposals.ts.
import type { ConditionKind, OverrideKey } from "./params";

/** Which side of the event holds the condition it opens: the actor, or both sides (none named). */
export type ConditionHolder = "actor" | "both";

export interface StandingRule {
  /** The event's CAMEO code, matched exactly (a more specific code is another event type). */
  cameoCode: string;
  /** Matched only when the event carries this named override (161 recalls an ambassador unless it says relations were severed). */
  overrideKey?: OverrideKey;
  /** What an event of this type does to a condition of `kinds`. */
  effect: "opens" | "ends";
  /** Opens: the kind proposed. Ends: the kinds whose open condition of the dyad it closes, the first one found. */
  kinds: readonly ConditionKind[];
  holder: ConditionHolder;
  /** What the event type means here, for /methodology. */
  reads: string;
}

/** The mapping. A row with an override matches only events carrying it; one without, only events with none. */
export const STANDING_RULES: readonly StandingRule[] = [
  { cameoCode: "161", overrideKey: "RELATIONS_SEVERED", effect: "opens", kinds: ["RELATIONS_SEVERED"], holder: "both", reads: "diplomatic relations severed" },
  { cameoCode: "161", overrideKey: "AMBASSADOR_RECALLED", effect: "opens", kinds: ["AMBASSADOR_WITHDRAWN"], holder: "actor", reads: "ambassador recalled or diplomats expelled" },
  { cameoCode: "161", effect: "opens", kinds: ["AMBASSADOR_WITHDRAWN"], holder: "actor", reads: "ambassador recalled or expelled" },
  { cameoCode: "054", effect: "ends", kinds: ["RELATIONS_SEVERED", "AMBASSADOR_WITHDRAWN"], holder: "both", reads: "relations restored, or an ambassador returns" },
  { cameoCode: "172", effect: "opens", kinds: ["VISA_REGIME"], holder: "actor", reads: "visa regime imposed" },
  { cameoCode: "081", effect: "ends", kinds: ["VISA_REGIME"], holder: "both", reads: "visa regime lifted" },
  { cameoCode: "191", effect: "opens", kinds: ["AIRSPACE_CLOSED"], holder: "actor", reads: "airspace or border closed" },
  { cameoCode: "163", effect: "opens", kinds: ["TRADE_ROUTE_CLOSED"], holder: "actor", reads: "trade route closed (embargo, boycott)" },
  { cameoCode: "0872", effect: "ends", kinds: ["AIRSPACE_CLOSED", "TRADE_ROUTE_CLOSED"], holder: "both", reads: "airspace or border reopened" },
  { cameoCode: "085", effect: "ends", kinds: ["TRADE_ROUTE_CLOSED"], holder: "both", reads: "trade route reopened (embargo eased)" },
  { cameoCode: "160", effect: "ends", kinds: ["PARTNERSHIP_DECLARATION"], holder: "both", reads: "cooperation accord suspended" },
  { cameoCode: "050", effect: "opens", kinds: ["PARTNERSHIP_DECLARATION"], holder: "both", reads: "cooperation accord resumed" },
];

/**
 * The rule an event falls under, or null. A named override (a recorded judgement of what the
 * event is) picks its own row; an override with no row, such as a territorial recognition under
 * 054, proposes nothing.
 */
export function standingRuleFor(event: { cameoCode: string; overrideKey?: OverrideKey | null }, rules: readonly StandingRule[] = STANDING_RULES): StandingRule | null {
  const overrideKey = event.overrideKey ?? null;
  const sameCode = rules.filter((r) => r.cameoCode === event.cameoCode);
  return sameCode.find((r) => (r.overrideKey ?? null) === overrideKey) ?? null;
}

/** A condition in force this long with no linked event since is flagged "still in force? check". */
export const STILL_IN_FORCE_CHECK_DAYS = 365;

/**
 * Whether a condition in force on `today` has gone over STILL_IN_FORCE_CHECK_DAYS since its start
 * and since the last event linked to it: nobody has seen news of it for a year. Days are day numbers.
 */
export function wantsStillInForceCheck(condition: { startDay: number; endDay: number | null; lastLinkedEventDay: number | null }, today: number): boolean {
  const { startDay, endDay, lastLinkedEventDay } = condition;
  if (startDay > today || (endDay !== null && endDay < today)) return false;
  const lastSign = Math.max(startDay, lastLinkedEventDay ?? startDay);
  return today - lastSign > STILL_IN_FORCE_CHECK_DAYS;
}
