import { z } from "zod";
import { dyadKey } from "../scope/schemas";

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

export const createAlertRuleInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("BAND_CHANGE"), dyad: dyadKey, webhookUrl }),
  moveRuleInput.extend({ webhookUrl }),
  z.object({ kind: z.literal("CONDITION"), dyad: dyadKey, webhookUrl }),
]);
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleInput>;

export const pauseAlertRuleInput = z.object({ ruleId: id, paused: z.boolean() });
export const alertRuleIdInput = z.object({ ruleId: id });
export const markAlertReadInput = z.object({ alertId: id });
