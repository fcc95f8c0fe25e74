import { z } from "zod";
import { dyadKey } from "../scope/schemas";
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

/** E-mail for the rule's alerts: each at once, or a daily or weekly digest at an hour of the user's clock. Absent: none. */
export const alertEmailInput = z.object({
  cadence: z.enum(["IMMEDIATE", "DAILY", "WEEKLY"]),
  hour: z.number({ error: "an hour" }).int("a whole hour").min(0, "an hour from 0 to 23").max(23, "an hour from 0 to 23"),
  weekday: z.number({ error: "a day of the week" }).int().min(0, "a day of the week").max(6, "a day of the week"),
  timeZone: z.string().trim().min(1, "a time zone").max(64, "a time zone such as Africa/Algiers").refine(isTimeZone, "a time zone such as Africa/Algiers"),
});
export type AlertEmailInput = z.infer<typeof alertEmailInput>;

const channels = { webhookUrl, email: alertEmailInput.optional() };

export const createAlertRuleInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("BAND_CHANGE"), dyad: dyadKey, ...channels }),
  moveRuleInput.extend(channels),
  z.object({ kind: z.literal("CONDITION"), dyad: dyadKey, ...channels }),
]);
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleInput>;

const threshold = moveRuleInput.shape.threshold;
const days = moveRuleInput.shape.days;

/**
 * Editing a rule on /alerts, flat for the form: its terms, webhook and e-mail (`emailOn`). The
 * dyad stays; `version` is the one the form was read at (a stale save is refused).
 */
export const editAlertRuleInput = z
  .object({
    ruleId: id,
    version: z.number().int().min(1),
    kind: z.enum(["BAND_CHANGE", "MOVE", "CONDITION"]),
    threshold: threshold.optional(),
    days: days.optional(),
    webhookUrl,
    emailOn: z.boolean(),
    cadence: alertEmailInput.shape.cadence,
    hour: alertEmailInput.shape.hour,
    weekday: alertEmailInput.shape.weekday,
    timeZone: alertEmailInput.shape.timeZone,
  })
  .superRefine((rule, ctx) => {
    if (rule.kind !== "MOVE") return;
    if (rule.threshold === undefined) ctx.addIssue({ code: "custom", path: ["threshold"], message: "a number of points" });
    if (rule.days === undefined) ctx.addIssue({ code: "custom", path: ["days"], message: "a number of days" });
  });
export type EditAlertRuleInput = z.infer<typeof editAlertRuleInput>;

export const pauseAlertRuleInput = z.object({ ruleId: id, paused: z.boolean() });
export const alertRuleIdInput = z.object({ ruleId: id });
export const markAlertReadInput = z.object({ alertId: id });
