import { z } from "zod";
import { agreementFilters } from "../agreements/schemas";
import { dyadKey } from "../scope/schemas";
import { shareWith } from "../views/schemas";
import { isTimeZone } from "./digest-time";

const id = z.string().trim().min(1).max(64);
/** Where the rule's alerts are also posted; checked further (https, public address) when saved. */
const webhookUrl = z.string().trim().max(2000, "at most 2000 characters").optional();

/** "Alert me" on a dyad page: a band change, or a move of at least `threshold` points within `days` days. */
export const moveRuleInput = z.object({
  kind: z.literal("MOVE"),
  dyad: dyadKey,
  threshold: z.number({ error: "a number of points" }).min(1, "at least 1 point").max(200, "at most 200 points: the index runs from −100 to +100"),
  days: z.number({ error: "a number of days" }).int("whole days").min(1, "at least 1 day").max(365, "at most 365 days"),
});

/** The least |Goldstein score| of a new event that fires an EVENT_SCORE rule: the scale runs from −10 to +10. */
const goldsteinThreshold = z
  .number({ error: "a Goldstein score" })
  .positive("more than 0: every event has a score of at least 0")
  .max(10, "at most 10: the Goldstein scale runs from −10 to +10");

/** "Alert me" on a dyad page: a new published event with |Goldstein score| at least `threshold`. */
export const eventScoreRuleInput = z.object({ kind: z.literal("EVENT_SCORE"), dyad: dyadKey, threshold: goldsteinThreshold });

/** "Alert me" on the filtered agreements feed: a new or changed agreement the feed's filters match. */
export const agreementRuleInput = z.object({ kind: z.literal("AGREEMENT_FILTER"), filter: agreementFilters });

/** E-mail for the rule's alerts: each at once, or a daily or weekly digest at an hour of the user's clock. Absent: none. */
export const alertEmailInput = z.object({
  cadence: z.enum(["IMMEDIATE", "DAILY", "WEEKLY"]),
  hour: z.number({ error: "an hour" }).int("a whole hour").min(0, "an hour from 0 to 23").max(23, "an hour from 0 to 23"),
  weekday: z.number({ error: "a day of the week" }).int().min(0, "a day of the week").max(6, "a day of the week"),
  timeZone: z.string().trim().min(1, "a time zone").max(64, "a time zone such as Africa/Algiers").refine(isTimeZone, "a time zone such as Africa/Algiers"),
});
export type AlertEmailInput = z.infer<typeof alertEmailInput>;

/** Shared with one of the owner's teams, as a saved view is (null or absent: only the owner). */
const teamId = shareWith.optional();
const channels = { webhookUrl, email: alertEmailInput.optional(), teamId };

export const createAlertRuleInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("BAND_CHANGE"), dyad: dyadKey, ...channels }),
  moveRuleInput.extend(channels),
  z.object({ kind: z.literal("CONDITION"), dyad: dyadKey, ...channels }),
  z.object({ kind: z.literal("UNUSUAL"), dyad: dyadKey, ...channels }),
  eventScoreRuleInput.extend(channels),
  agreementRuleInput.extend(channels),
]);
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleInput>;

const days = moveRuleInput.shape.days;
/** Each kind's threshold, when it has one. */
const thresholdOf = { MOVE: moveRuleInput.shape.threshold, EVENT_SCORE: goldsteinThreshold } as const;

/**
 * Editing a rule on /alerts, flat for the form: its terms, webhook and e-mail (`emailOn`). The
 * dyad (or an AGREEMENT_FILTER rule's filter) stays; `version` is the one the form was read at
 * (a stale save is refused).
 */
export const editAlertRuleInput = z
  .object({
    ruleId: id,
    version: z.number().int().min(1),
    kind: z.enum(["BAND_CHANGE", "MOVE", "CONDITION", "UNUSUAL", "EVENT_SCORE", "AGREEMENT_FILTER"]),
    threshold: z.number({ error: "a number" }).optional(),
    days: days.optional(),
    webhookUrl,
    emailOn: z.boolean(),
    cadence: alertEmailInput.shape.cadence,
    hour: alertEmailInput.shape.hour,
    weekday: alertEmailInput.shape.weekday,
    timeZone: alertEmailInput.shape.timeZone,
    /** Absent: shared as it was. */
    teamId,
  })
  .superRefine((rule, ctx) => {
    if (rule.kind !== "MOVE" && rule.kind !== "EVENT_SCORE") return;
    const threshold = thresholdOf[rule.kind].safeParse(rule.threshold);
    if (!threshold.success) ctx.addIssue({ code: "custom", path: ["threshold"], message: threshold.error.issues[0]?.message ?? "a number" });
    if (rule.kind === "MOVE" && rule.days === undefined) ctx.addIssue({ code: "custom", path: ["days"], message: "a number of days" });
  });
export type EditAlertRuleInput = z.infer<typeof editAlertRuleInput>;

/** A teammate subscribes to a rule shared with their team (their own alerts), or stops. */
export const subscribeAlertRuleInput = z.object({ ruleId: id, subscribed: z.boolean() });
export const pauseAlertRuleInput = z.object({ ruleId: id, paused: z.boolean() });
export const alertRuleIdInput = z.object({ ruleId: id });
export const markAlertReadInput = z.object({ alertId: id });
