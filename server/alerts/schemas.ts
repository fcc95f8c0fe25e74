import { z } from "zod";
import { agreementFilters } from "../agreements/schemas";
import { dyadKey } from "../scope/schemas";
import { shareWith } from "../views/schemas";
import { isTimeZone } from "./digest-time";
import { said } from "../shared/said";

const id = z.string().trim().min(1).max(64);
/** Where the rule's alerts are also posted; checked further (https, public address) when saved. */
const webhookUrl = z.string().trim().max(2000, said("atMostChars", { max: 2000 })).optional();

/** "Alert me" on a dyad page: a band change, or a move of at least `threshold` points within `days` days. */
export const moveRuleInput = z.object({
  kind: z.literal("MOVE"),
  dyad: dyadKey,
  threshold: z.number({ error: said("alertPointsNumber") }).min(1, said("alertPointsMin")).max(200, said("alertPointsMax")),
  days: z.number({ error: said("alertDaysNumber") }).int(said("alertDaysWhole")).min(1, said("alertDaysMin")).max(365, said("alertDaysMax")),
});

/** The least |Goldstein score| of a new event that fires an EVENT_SCORE rule: the scale runs from −10 to +10. */
const goldsteinThreshold = z
  .number({ error: said("alertScoreNumber") })
  .positive(said("alertScorePositive"))
  .max(10, said("alertScoreMax"));

/** "Alert me" on a dyad page: a new published event with |Goldstein score| at least `threshold`. */
export const eventScoreRuleInput = z.object({ kind: z.literal("EVENT_SCORE"), dyad: dyadKey, threshold: goldsteinThreshold });

/** "Alert me" on the filtered agreements feed: a new or changed agreement the feed's filters match. */
export const agreementRuleInput = z.object({ kind: z.literal("AGREEMENT_FILTER"), filter: agreementFilters });

/** E-mail for the rule's alerts: each at once, or a daily or weekly digest at an hour of the user's clock. Absent: none. */
export const alertEmailInput = z.object({
  cadence: z.enum(["IMMEDIATE", "DAILY", "WEEKLY"]),
  hour: z.number({ error: said("alertHourNumber") }).int(said("alertHourWhole")).min(0, said("alertHourRange")).max(23, said("alertHourRange")),
  weekday: z.number({ error: said("alertWeekday") }).int().min(0, said("alertWeekday")).max(6, said("alertWeekday")),
  timeZone: z.string().trim().min(1, said("alertTimeZone")).max(64, said("alertTimeZoneExample")).refine(isTimeZone, said("alertTimeZoneExample")),
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

/** Where a rule's alerts go, flat for a form: a webhook, and e-mail (`emailOn`) on a schedule. */
const deliveryFields = {
  webhookUrl,
  emailOn: z.boolean(),
  cadence: alertEmailInput.shape.cadence,
  hour: alertEmailInput.shape.hour,
  weekday: alertEmailInput.shape.weekday,
  timeZone: alertEmailInput.shape.timeZone,
};
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
    threshold: z.number({ error: said("alertNumber") }).optional(),
    days: days.optional(),
    ...deliveryFields,
    /** Absent: shared as it was. */
    teamId,
  })
  .superRefine((rule, ctx) => {
    if (rule.kind !== "MOVE" && rule.kind !== "EVENT_SCORE") return;
    const threshold = thresholdOf[rule.kind].safeParse(rule.threshold);
    if (!threshold.success) ctx.addIssue({ code: "custom", path: ["threshold"], message: threshold.error.issues[0]?.message ?? said("alertNumber") });
    if (rule.kind === "MOVE" && rule.days === undefined) ctx.addIssue({ code: "custom", path: ["days"], message: said("alertDaysNumber") });
  });
export type EditAlertRuleInput = z.infer<typeof editAlertRuleInput>;

/**
 * A subscribed teammate's own delivery of a shared rule's alerts, flat for the form as a rule's
 * edit is: their webhook and their e-mail on their own schedule (the app's list is always on).
 */
export const subscriptionDeliveryInput = z.object({ ruleId: id, ...deliveryFields });
export type SubscriptionDeliveryInput = z.infer<typeof subscriptionDeliveryInput>;

/** A teammate subscribes to a rule shared with their team (their own alerts), or stops. */
export const subscribeAlertRuleInput = z.object({ ruleId: id, subscribed: z.boolean() });
export const pauseAlertRuleInput = z.object({ ruleId: id, paused: z.boolean() });
export const alertRuleIdInput = z.object({ ruleId: id });
export const markAlertReadInput = z.object({ alertId: id });
