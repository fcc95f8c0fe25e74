// A user's alert rules and alerts. Another user's rule or alert is NOT_FOUND, exactly like one that
// does not exist, so an id tells an outsider nothing. A rule shared with a team is seen as a saved
// view is (auth/permissions canReadShared): its members see it and may subscribe; only its owner
// changes it. Every change is audited (AlertRule, Alert).
import { recordAudit } from "../admin/audit";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { AppError, fieldError } from "../shared/errors";
import { said } from "../shared/said";
import type { AlertEmailInput, CreateAlertRuleInput, EditAlertRuleInput, SubscriptionDeliveryInput } from "./schemas";
import { newWebhookSecret } from "./webhook-sign";
import { accepted, postSigned } from "./webhooks";
import { refusedTargetUrl, type TargetNeed } from "../http/outbound-target";
import { canReadShared, canShareWith } from "../auth/permissions";
import { teamsOf } from "../teams/service";
import { agreementFiltersToSearchParams, describeAgreementFilters, hasAgreementFilters } from "../agreements/filters";
import { searchableWords } from "../agreements/page-query";
import { agreementFilters } from "../agreements/schemas";

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
  webhookTestedAt: true,
  webhookTestStatus: true,
  webhookTestError: true,
  filter: true,
  dyad: { select: { key: true } },
  userId: true,
  user: { select: { name: true } },
  teamId: true,
  team: { select: { id: true, name: true } },
} satisfies Prisma.AlertRuleSelect;

const alertSelect = { id: true, cause: true, said: true, link: true, createdAt: true, readAt: true, dyad: { select: { key: true } } } satisfies Prisma.AlertSelect;

/** A subscriber's own delivery, as the rules table shows it in the rule's channel columns. */
const subscriptionSelect = { webhookUrl: true, email: true, emailCadence: true, digestHour: true, digestWeekday: true, timeZone: true } satisfies Prisma.AlertSubscriptionSelect;
type SubscriptionDelivery = Prisma.AlertSubscriptionGetPayload<{ select: typeof subscriptionSelect }>;

const ruleNotFound = () => new AppError("NOT_FOUND", said("alertRuleNotFound"));

type SelectedRule = Prisma.AlertRuleGetPayload<{ select: typeof ruleSelect }>;

/**
 * A rule as the page shows it: an AGREEMENT_FILTER rule's filter in words and as the feed's
 * address; whether it is the reader's own, and whether they subscribe to it (a teammate's).
 */
function shownRule<R extends SelectedRule>(rule: R, readerId: string, subscription: SubscriptionDelivery | null = null) {
  const filter = agreementFilters.safeParse(rule.filter);
  const agreements = rule.kind === "AGREEMENT_FILTER" && filter.success ? { words: describeAgreementFilters(filter.data), href: `/agreements?${agreementFiltersToSearchParams(filter.data).toString()}` } : null;
  const mine = rule.userId === readerId;
  // A teammate sees what the rule watches, not where its owner's alerts go: their own delivery, when subscribed.
  const channels = mine ? {} : { webhookTestedAt: null, webhookTestStatus: null, webhookTestError: null, ...(subscription ?? { webhookUrl: null, email: false }) };
  return { ...rule, ...channels, agreements, mine, subscribed: subscription !== null };
}

/** The query form of canReadShared for rules: mine, and those shared with my teams. */
export const readableRules = (reader: { id: string; teamIds: readonly string[] }): Prisma.AlertRuleWhereInput => ({ OR: [{ userId: reader.id }, { teamId: { in: [...reader.teamIds] } }] });

/** The reader's rules and those their teams share, theirs first (newest first within each). */
export async function listAlertRules({ db, userId }: { db: Db; userId: string }) {
  const reader = { id: userId, ...(await teamsOf({ db, userId })) };
  const rules = await db.alertRule.findMany({ where: readableRules(reader), select: ruleSelect, orderBy: { createdAt: "desc" } });
  const subscriptions = await db.alertSubscription.findMany({ where: { userId, ruleId: { in: rules.map((r) => r.id) } }, select: { ruleId: true, ...subscriptionSelect } });
  const subscribed = new Map(subscriptions.map(({ ruleId, ...delivery }) => [ruleId, delivery]));
  const shown = rules.map((rule) => shownRule(rule, userId, subscribed.get(rule.id) ?? null));
  return [...shown.filter((r) => r.mine), ...shown.filter((r) => !r.mine)];
}

/**
 * Refuses a change to a rule that is not the user's: NOT_FOUND when they may not even see it,
 * FORBIDDEN for a teammate's shared rule (they may subscribe, not change it), as saved views do.
 */
async function requireOwnRule(db: Db, userId: string, ruleId: string): Promise<void> {
  const rule = await db.alertRule.findUnique({ where: { id: ruleId }, select: { userId: true, teamId: true } });
  if (rule?.userId === userId) return;
  if (!rule || !canReadShared({ id: userId, ...(await teamsOf({ db, userId })) }, { ownerId: rule.userId, teamId: rule.teamId })) throw ruleNotFound();
  throw new AppError("FORBIDDEN", said("alertRuleOwnerOnly"));
}

/** A team the user shares a rule with must be one of theirs: refused on the field otherwise. */
async function checkedShare(db: Db, userId: string, teamId: string | null | undefined): Promise<void> {
  if (teamId === undefined || canShareWith(await teamsOf({ db, userId }), teamId)) return;
  throw fieldError("BAD_REQUEST", "teamId", said("alertShareWith"));
}

/**
 * A teammate subscribes to a rule shared with their team, or stops: its alerts then reach their
 * own list and Atom feed too. A rule they may not read is not found; their own needs no subscription.
 */
export async function subscribeAlertRule({ db, userId, ruleId, subscribed }: { db: Db; userId: string; ruleId: string; subscribed: boolean }) {
  const rule = await teammatesRule(db, userId, ruleId);
  return db.$transaction(async (tx) => {
    const was = (await tx.alertSubscription.count({ where: { ruleId, userId } })) > 0;
    const subscription = subscribed ? await tx.alertSubscription.upsert({ where: { ruleId_userId: { ruleId, userId } }, create: { ruleId, userId }, update: {}, select: subscriptionSelect }) : null;
    if (!subscribed) await tx.alertSubscription.deleteMany({ where: { ruleId, userId } });
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "AlertRule", entityId: ruleId, before: { subscriber: userId, subscribed: was }, after: { subscriber: userId, subscribed } });
    return shownRule(rule, userId, subscription);
  });
}

/** A teammate's shared rule the user may subscribe to: not found when they may not read it, refused when it is their own. */
async function teammatesRule(db: Db, userId: string, ruleId: string) {
  const reader = { id: userId, ...(await teamsOf({ db, userId })) };
  const rule = await db.alertRule.findUnique({ where: { id: ruleId }, select: ruleSelect });
  if (!rule || !canReadShared(reader, { ownerId: rule.userId, teamId: rule.teamId })) throw ruleNotFound();
  if (rule.userId === userId) throw fieldError("BAD_REQUEST", "ruleId", said("alertRuleYours"));
  return rule;
}

/**
 * A subscriber's own delivery of a teammate's shared rule (subscribing them if they were not): their
 * webhook (https, public address; a new URL gets a new signing secret, answered this once) and
 * their e-mail at once or in a digest on their clock, refused when the server sends no e-mail.
 */
export async function setSubscriptionDelivery({ db, userId, input, channels }: { db: Db; userId: string; input: SubscriptionDeliveryInput; channels: AlertChannels }) {
  const mail = emailColumns(input.emailOn ? { cadence: input.cadence, hour: input.hour, weekday: input.weekday, timeZone: input.timeZone } : undefined, channels);
  const webhookUrl = await checkedWebhookUrl(input.webhookUrl, channels);
  const rule = await teammatesRule(db, userId, input.ruleId);
  const key = { ruleId_userId: { ruleId: rule.id, userId } };
  return db.$transaction(async (tx) => {
    const stored = await tx.alertSubscription.findUnique({ where: key, select: { ...subscriptionSelect, webhookSecret: true } });
    const webhookSecret = webhookUrl && webhookUrl !== stored?.webhookUrl ? newWebhookSecret() : null;
    const data = { webhookUrl, webhookSecret: webhookUrl ? (webhookSecret ?? stored?.webhookSecret ?? null) : null, ...mail };
    const after = await tx.alertSubscription.upsert({ where: key, create: { ruleId: rule.id, userId, ...data }, update: data, select: subscriptionSelect });
    // The audit names the choice, never the secret.
    const shown = (d: SubscriptionDelivery | null) =>
      d ? { subscriber: userId, subscribed: true, webhookUrl: d.webhookUrl, email: d.email, emailCadence: d.emailCadence, digestHour: d.digestHour, digestWeekday: d.digestWeekday, timeZone: d.timeZone } : { subscriber: userId, subscribed: false };
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "AlertRule", entityId: rule.id, before: shown(stored), after: shown(after) });
    return { ...shownRule(rule, userId, after), webhookSecret };
  });
}

/** A rule's dyad, or an AGREEMENT_FILTER rule's filter (its dyads known, its search with words): refused on the field. */
async function ruleTarget(db: Db, input: CreateAlertRuleInput): Promise<{ dyadId: string | null; filter?: Prisma.InputJsonValue }> {
  if (input.kind !== "AGREEMENT_FILTER") {
    const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
    if (!dyad) throw fieldError("BAD_REQUEST", "dyad", said("noSuchDyad"));
    return { dyadId: dyad.id };
  }
  const { filter } = input;
  if (!hasAgreementFilters(filter)) throw fieldError("BAD_REQUEST", "filter", said("alertFilterNeeded"));
  const dyads = filter.dyads ?? [];
  const known = await db.dyad.count({ where: { key: { in: dyads } } });
  if (known < dyads.length) throw fieldError("BAD_REQUEST", "filter.dyads", said("noSuchDyad"));
  if (filter.q && !(await searchableWords({ db, q: filter.q }))) throw fieldError("BAD_REQUEST", "filter.q", said("alertFilterNoWords"));
  return { dyadId: null, filter: JSON.parse(JSON.stringify(filter)) as Prisma.InputJsonValue };
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
  if (!emailEnabled) throw fieldError("BAD_REQUEST", "email", said("alertEmailOff"));
  return { email: true, emailCadence: email.cadence, digestHour: email.hour, digestWeekday: email.weekday, timeZone: email.timeZone };
}

/** What outbound-target finds an address lacks, as "needs …", said in the reader's language. */
const WEBHOOK_NEEDS: Record<TargetNeed, () => string> = {
  https: () => said("webhookNeedsHttps"),
  httpOrHttps: () => said("webhookNeedsHttps"),
  noCredentials: () => said("webhookNeedsNoCredentials"),
  resolvable: () => said("webhookNeedsResolvable"),
  public: () => said("webhookNeedsPublic"),
};

/** The webhook URL the input sets, checked (https, public address): refused on its field. */
async function checkedWebhookUrl(raw: string | undefined, { allowLocalHttp }: AlertChannels): Promise<string | null> {
  const webhookUrl = raw || null;
  const refused = webhookUrl && (await refusedTargetUrl(webhookUrl, { schemes: "https", allowLoopback: allowLocalHttp }));
  if (refused) throw fieldError("BAD_REQUEST", "webhookUrl", WEBHOOK_NEEDS[refused]());
  return webhookUrl;
}

export async function createAlertRule({ db, userId, input, channels }: { db: Db; userId: string; input: CreateAlertRuleInput; channels: AlertChannels }) {
  const mail = emailColumns(input.email, channels);
  await checkedShare(db, userId, input.teamId);
  const target = await ruleTarget(db, input);
  const webhookUrl = await checkedWebhookUrl(input.webhookUrl, channels);
  const webhookSecret = webhookUrl ? newWebhookSecret() : null;
  const terms = input.kind === "MOVE" ? { threshold: input.threshold, days: input.days } : input.kind === "EVENT_SCORE" ? { threshold: input.threshold } : {};
  return db.$transaction(async (tx) => {
    if ((await tx.alertRule.count({ where: { userId } })) >= MAX_RULES_OWNED) throw new AppError("CONFLICT", said("alertRulesCap", { max: MAX_RULES_OWNED }));
    const rule = await tx.alertRule.create({ data: { userId, ...target, kind: input.kind, ...terms, webhookUrl, webhookSecret, ...mail, teamId: input.teamId ?? null }, select: ruleSelect });
    await recordAudit({ db: tx, actorId: userId, action: "CREATE", entityType: "AlertRule", entityId: rule.id, before: null, after: { kind: rule.kind, dyad: rule.dyad?.key ?? null, filter: target.filter ?? null, ...terms, webhookUrl, ...mail, teamId: rule.teamId } });
    return { ...shownRule(rule, userId), webhookSecret };
  });
}

/**
 * Saves an edited rule at the version it was read at. A new or changed webhook URL gets a new
 * signing secret, answered this once; otherwise `webhookSecret` is null.
 */
export async function editAlertRule({ db, userId, input, channels }: { db: Db; userId: string; input: EditAlertRuleInput; channels: AlertChannels }) {
  const mail = emailColumns(input.emailOn ? { cadence: input.cadence, hour: input.hour, weekday: input.weekday, timeZone: input.timeZone } : undefined, channels);
  const webhookUrl = await checkedWebhookUrl(input.webhookUrl, channels);
  await requireOwnRule(db, userId, input.ruleId);
  await checkedShare(db, userId, input.teamId);
  const terms = { threshold: input.kind === "MOVE" || input.kind === "EVENT_SCORE" ? (input.threshold ?? null) : null, days: input.kind === "MOVE" ? (input.days ?? null) : null };
  return db.$transaction(async (tx) => {
    const before = await tx.alertRule.findFirst({ where: { id: input.ruleId, userId }, select: { ...ruleSelect, webhookSecret: true } });
    if (!before) throw ruleNotFound();
    // A dyad's rule has no filter, a filter's rule no dyad: neither becomes the other.
    if ((before.kind === "AGREEMENT_FILTER") !== (input.kind === "AGREEMENT_FILTER")) throw fieldError("BAD_REQUEST", "kind", before.kind === "AGREEMENT_FILTER" ? said("alertAgreementRuleStays") : said("alertAgreementRuleFromFeed"));
    if (before.version !== input.version) throw new AppError("CONFLICT", said("alertRuleStale"));
    const webhookSecret = webhookUrl && webhookUrl !== before.webhookUrl ? newWebhookSecret() : null;
    const secret = webhookUrl ? (webhookSecret ?? before.webhookSecret) : null;
    const rule = await tx.alertRule.update({
      where: { id: input.ruleId },
      data: { kind: input.kind, ...terms, webhookUrl, webhookSecret: secret, ...mail, ...(input.teamId !== undefined && { teamId: input.teamId }), version: { increment: 1 } },
      select: ruleSelect,
    });
    const shown = (r: typeof rule) => ({ kind: r.kind, threshold: r.threshold, days: r.days, webhookUrl: r.webhookUrl, email: r.email, emailCadence: r.emailCadence, digestHour: r.digestHour, digestWeekday: r.digestWeekday, timeZone: r.timeZone, teamId: r.teamId });
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "AlertRule", entityId: rule.id, before: shown(before), after: shown(rule) });
    return { ...shownRule(rule, userId), webhookSecret };
  });
}

/** "Send test": a signed `alert.test` post to the rule's webhook now; its answer is kept on the rule (and audited). */
export async function testAlertWebhook({ db, userId, ruleId, allowLocalHttp, now = new Date() }: { db: Db; userId: string; ruleId: string; allowLocalHttp: boolean; now?: Date }) {
  await requireOwnRule(db, userId, ruleId);
  const rule = await db.alertRule.findFirst({ where: { id: ruleId, userId }, select: { id: true, kind: true, webhookUrl: true, webhookSecret: true, dyad: { select: { key: true } } } });
  if (!rule) throw ruleNotFound();
  if (!rule.webhookUrl) throw fieldError("BAD_REQUEST", "webhookUrl", said("alertWebhookFirst"));
  const body = JSON.stringify({ type: "alert.test", timestamp: now.toISOString(), data: { ruleId: rule.id, kind: rule.kind, dyad: rule.dyad?.key ?? null } });
  const outcome = await postSigned({ url: rule.webhookUrl, secret: rule.webhookSecret, id: `test_${rule.id}_${now.getTime()}`, now, body, allowLocalHttp });
  const result = { webhookTestedAt: now, webhookTestStatus: outcome.status, webhookTestError: outcome.error ?? (accepted(outcome) ? null : `answered ${outcome.status}`) };
  return db.$transaction(async (tx) => {
    await tx.alertRule.update({ where: { id: rule.id }, data: result });
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "AlertRule", entityId: rule.id, before: null, after: { webhookTest: { url: rule.webhookUrl, status: outcome.status, error: result.webhookTestError } } });
    return { ok: accepted(outcome), ...result };
  });
}

export async function setAlertRulePaused({ db, userId, ruleId, paused }: { db: Db; userId: string; ruleId: string; paused: boolean }) {
  await requireOwnRule(db, userId, ruleId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.alertRule.updateMany({ where: { id: ruleId, userId }, data: { paused, version: { increment: 1 } } });
    if (count === 0) throw ruleNotFound();
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "AlertRule", entityId: ruleId, before: { paused: !paused }, after: { paused } });
    return shownRule(await tx.alertRule.findUniqueOrThrow({ where: { id: ruleId }, select: ruleSelect }), userId);
  });
}

export async function deleteAlertRule({ db, userId, ruleId }: { db: Db; userId: string; ruleId: string }) {
  await requireOwnRule(db, userId, ruleId);
  return db.$transaction(async (tx) => {
    const rule = await tx.alertRule.findFirst({ where: { id: ruleId, userId }, select: ruleSelect });
    if (!rule) throw ruleNotFound();
    await tx.alertRule.delete({ where: { id: ruleId } });
    await recordAudit({ db: tx, actorId: userId, action: "DELETE", entityType: "AlertRule", entityId: ruleId, before: { kind: rule.kind, dyad: rule.dyad?.key ?? null, filter: rule.filter, threshold: rule.threshold, days: rule.days }, after: null });
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

/** Deliveries listed on /alerts: enough to see what failed lately. */
export const DELIVERIES_LISTED = 50;

/** The user's latest webhook posts and e-mails, newest first, one row per alert and channel. */
export async function listDeliveries({ db, userId }: { db: Db; userId: string }) {
  const alert = { select: { id: true, cause: true, said: true, dyad: { select: { key: true } } } } as const;
  const [posts, mails] = [
    await db.webhookDelivery.findMany({
      where: { alert: { userId } },
      orderBy: { createdAt: "desc" },
      take: DELIVERIES_LISTED,
      select: { id: true, url: true, state: true, attempts: true, lastStatus: true, lastError: true, createdAt: true, deliveredAt: true, nextAttemptAt: true, alert },
    }),
    await db.alert.findMany({
      where: { userId, emailState: { not: null } },
      orderBy: { createdAt: "desc" },
      take: DELIVERIES_LISTED,
      select: { id: true, cause: true, said: true, dyad: { select: { key: true } }, createdAt: true, emailState: true, emailAttempts: true, emailError: true, emailedAt: true, emailDueAt: true },
    }),
  ];
  const rows = [
    ...posts.map((p) => ({ id: `webhook:${p.id}`, channel: "webhook" as const, target: p.url, dyad: p.alert.dyad?.key ?? "agreements", cause: p.alert.cause, said: p.alert.said, at: p.createdAt, state: p.state, attempts: p.attempts, status: p.lastStatus, error: p.lastError, next: p.state === "PENDING" ? p.nextAttemptAt : null })),
    ...mails.map((m) => ({ id: `email:${m.id}`, channel: "e-mail" as const, target: "e-mail", dyad: m.dyad?.key ?? "agreements", cause: m.cause, said: m.said, at: m.createdAt, state: m.emailState ?? "PENDING", attempts: m.emailAttempts, status: null, error: m.emailError, next: m.emailState === "PENDING" ? m.emailDueAt : null })),
  ];
  return rows.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, DELIVERIES_LISTED);
}

export const unreadAlerts = ({ db, userId }: { db: Db; userId: string }) => db.alert.count({ where: { userId, readAt: null } });

export async function markAlertRead({ db, userId, alertId }: { db: Db; userId: string; alertId: string }) {
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({ where: { id: alertId, userId }, select: { readAt: true } });
    if (!alert) throw new AppError("NOT_FOUND", said("alertNotFound"));
    const readAt = alert.readAt ?? new Date();
    await tx.alert.update({ where: { id: alertId }, data: { readAt } });
    await recordAudit({ db: tx, actorId: userId, action: "UPDATE", entityType: "Alert", entityId: alertId, before: { read: alert.readAt !== null }, after: { read: true } });
    return { id: alertId, readAt };
  });
}
