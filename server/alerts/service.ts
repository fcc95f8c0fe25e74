// A user's alert rules and alerts. Another user's rule or alert is NOT_FOUND, exactly like one that
// does not exist, so an id tells an outsider nothing. Every change is audited (AlertRule, Alert).
import { recordAudit } from "../admin/audit";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { AppError, fieldError } from "../shared/errors";
import type { AlertEmailInput, CreateAlertRuleInput } from "./schemas";
import { newWebhookSecret } from "./webhook-sign";
import { refusedWebhookUrl } from "./webhook-target";

/** Rules one person may hold: far more than anyone watches, few enough for one page. */
export const MAX_RULES_OWNED = 100;
export const ALERTS_LISTED = 50;

const ruleSelect = {
  id: true,
  kind: true,
  threshold: true,
  days: true,
  paused: true,
  cooldownMinutes: true,
  lastFiredAt: true,
  version: true,
  createdAt: true,
  webhookUrl: true,
  email: true,
  emailCadence: true,
  digestHour: true,
  digestWeekday: true,
  timeZone: true,
  dyad: { select: { key: true } },
} satisfies Prisma.AlertRuleSelect;

const alertSelect = { id: true, cause: true, link: true, createdAt: true, readAt: true, dyad: { select: { key: true } } } satisfies Prisma.AlertSelect;

const ruleNotFound = () => new AppError("NOT_FOUND", "No such alert rule of yours.");

export function listAlertRules({ db, userId }: { db: Db; userId: string }) {
  return db.alertRule.findMany({ where: { userId }, select: ruleSelect, orderBy: { createdAt: "desc" } });
}

/**
 * A new rule; with a webhook URL, also its signing secret, answered this once (the receiver needs
 * it to verify posts; it is never listed again).
 */
/** What the server offers besides the app's own list: e-mail only with SMTP_URL. */
export interface AlertChannels {
  allowLocalHttp: boolean;
  emailEnabled: boolean;
}

/** The rule's e-mail columns for the input's choice; refused when this server sends no e-mail. */
function emailColumns(email: AlertEmailInput | undefined, { emailEnabled }: AlertChannels) {
  if (!email) return { email: false };
  if (!emailEnabled) throw fieldError("BAD_REQUEST", "email", "e-mail is not set up on this server");
  return { email: true, emailCadence: email.cadence, digestHour: email.hour, digestWeekday: email.weekday, timeZone: email.timeZone };
}

export async function createAlertRule({ db, userId, input, channels }: { db: Db; userId: string; input: CreateAlertRuleInput; channels: AlertChannels }) {
  const { allowLocalHttp } = channels;
  const mail = emailColumns(input.email, channels);
  const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
  if (!dyad) throw fieldError("BAD_REQUEST", "dyad", "no such dyad");
  const webhookUrl = input.webhookUrl || null;
  const refused = webhookUrl && (await refusedWebhookUrl(webhookUrl, { allowLocalHttp }));
  if (refused) throw fieldError("BAD_REQUEST", "webhookUrl", `needs ${refused}`);
  const webhookSecret = webhookUrl ? newWebhookSecret() : null;
  const terms = input.kind === "MOVE" ? { threshold: input.threshold, days: input.days } : {};
  return db.$transaction(async (tx) => {
    if ((await tx.alertRule.count({ where: { userId } })) >= MAX_RULES_OWNED) throw new AppError("CONFLICT", `You hold ${MAX_RULES_OWNED} alert rules, the most one person may: delete some first.`);
    const rule = await tx.alertRule.create({ data: { userId, dyadId: dyad.id, kind: input.kind, ...terms, webhookUrl, webhookSecret, ...mail }, select: ruleSelect });
    await recordAudit({ db: tx, actorId: userId, action: "CREATE", entityType: "AlertRule", entityId: rule.id, before: null, after: { kind: rule.kind, dyad: input.dyad, ...terms, webhookUrl, ...mail } });
    return { ...rule, webhookSecret };
  });
}

export async function setAlertRulePaused({ db, userId, ruleId, paused }: { db: Db; userId: string; ruleId: string; paused: boolean }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.alertRule.updateMany({ where: { id: ruleId, userId }, data: { paused, version: { increment: 1 } } });
    if (count === 0) throw ruleNotFound();
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "AlertRule", entityId: ruleId, before: { paused: !paused }, after: { paused } });
    return tx.alertRule.findUniqueOrThrow({ where: { id: ruleId }, select: ruleSelect });
  });
}

export async function deleteAlertRule({ db, userId, ruleId }: { db: Db; userId: string; ruleId: string }) {
  return db.$transaction(async (tx) => {
    const rule = await tx.alertRule.findFirst({ where: { id: ruleId, userId }, select: ruleSelect });
    if (!rule) throw ruleNotFound();
    await tx.alertRule.delete({ where: { id: ruleId } });
    await recordAudit({ db: tx, actorId: userId, action: "DELETE", entityType: "AlertRule", entityId: ruleId, before: { kind: rule.kind, dyad: rule.dyad.key, threshold: rule.threshold, days: rule.days }, after: null });
    return { deleted: true };
  });
}

/** The user's newest alerts and how many are unread. */
export async function listAlerts({ db, userId }: { db: Db; userId: string }) {
  const [alerts, unread] = [
    await db.alert.findMany({ where: { userId }, select: alertSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: ALERTS_LISTED }),
    await unreadAlerts({ db, userId }),
  ];
  return { alerts, unread };
}

export const unreadAlerts = ({ db, userId }: { db: Db; userId: string }) => db.alert.count({ where: { userId, readAt: null } });

export async function markAlertRead({ db, userId, alertId }: { db: Db; userId: string; alertId: string }) {
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({ where: { id: alertId, userId }, select: { readAt: true } });
    if (!alert) throw new AppError("NOT_FOUND", "No such alert of yours.");
    const readAt = alert.readAt ?? new Date();
    await tx.alert.update({ where: { id: alertId }, data: { readAt } });
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "Alert", entityId: alertId, before: { read: alert.readAt !== null }, after: { read: true } });
    return { id: alertId, readAt };
  });
}
