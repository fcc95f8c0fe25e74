// The `alerts` job, every minute: it settles the outbox (the changes publishes wrote there in
// their own transactions) into each rule's causes, adds the standing conditions that start or end
// today, then turns the causes of each cooled-down rule into one alert and posts due webhooks.
// A cause is stored once per rule and change (unique key), so nothing is counted or sent twice.
import type { Db, DbOrTx } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import { loopbackTargetsAllowed } from "../http/outbound-target";
import type { JobCounts, JobContext } from "../jobs/definition";
import { fromDay, toDay } from "../method/day";
import { indexAsOf } from "../relations/rollup";
import { emailDueAt, type EmailSchedule } from "./digest-time";
import { sendDueEmails, type MailSettings } from "./email";
import { agreementCause, causeOf, conditionDayCause, cooledDown, eventScoreCause, groupCauses, mayFireRecordRule, MOVE_KINDS } from "./evaluate";
import { agreementMatching } from "../agreements/page-query";
import { agreementFiltersToSearchParams, describeAgreementFilters } from "../agreements/filters";
import { agreementFilters } from "../agreements/schemas";
import { mailSettingsOf } from "./mailer";
import { settleOutbox, type OutboxChange } from "./outbox";
import { causeInEnglish } from "./cause-language";
import { alertSaidOf, type CauseSaid } from "./cause-words";
import { postDueWebhooks } from "./webhooks";

/**
 * `read`: changes, condition days, webhook posts and e-mails looked at; `kept`: alerts made, posts
 * and e-mails delivered. Both 0: an idle run. `mail` null: this server sends no e-mail.
 */
export async function runAlerts({ db, signal }: JobContext, now = new Date(), mail: MailSettings | null = mailSettingsOf(env)): Promise<JobCounts> {
  const changes = await settleOutbox({ db, now, use: (tx, change) => recordCauses({ db: tx, change, now }) });
  const conditionDays = await recordConditionDays({ db, now });
  const made = await deliverDue({ db, now });
  const posts = await postDueWebhooks({ db, now, signal, allowLocalHttp: loopbackTargetsAllowed() });
  const mails = mail ? await sendDueEmails({ db, now, mail }) : { attempted: 0, sent: 0 };
  return { read: changes + conditionDays + posts.attempted + mails.attempted, kept: made + posts.delivered + mails.sent };
}

/** A cause as AlertCause keeps it: its key and arguments, said to each reader in their language, and its English sentence. */
const stored = (said: CauseSaid) => ({ said, text: causeInEnglish(said) });

/** Stores each unpaused rule's cause for one change, in the transaction that settles it. */
export async function recordCauses({ db, change, now }: { db: DbOrTx; change: OutboxChange; now: Date }): Promise<void> {
  await recordMoveCauses({ db, change, now });
  await recordEventCauses({ db, change });
  await recordAgreementCauses({ db, change });
}

/** BAND_CHANGE, MOVE and UNUSUAL rules on each dyad the change moved. */
async function recordMoveCauses({ db, change, now }: { db: DbOrTx; change: OutboxChange; now: Date }): Promise<void> {
  const today = toDay(now);
  for (const move of change.moves) {
    const rules = await db.alertRule.findMany({ where: { dyadId: move.dyadId, paused: false, kind: { in: [...MOVE_KINDS] } }, select: { id: true, kind: true, threshold: true, days: true } });
    const pastOn = new Map<number, number | null>();
    const causes = [];
    for (const rule of rules) {
      let past: number | null = null;
      if (rule.kind === "MOVE" && rule.days !== null) {
        if (!pastOn.has(rule.days)) pastOn.set(rule.days, await indexAsOf({ db, dyadId: move.dyadId, onOrBefore: today - rule.days }));
        past = pastOn.get(rule.days) ?? null;
      }
      const said = causeOf(rule, move, past);
      if (said) causes.push({ ruleId: rule.id, key: change.key, ...stored(said), link: recordPage(change) });
    }
    // One insert for the dyad's rules, however many fire.
    if (causes.length > 0) await db.alertCause.createMany({ data: causes, skipDuplicates: true });
  }
}

/** A record's cause, once per rule and record: an import writes many records under one change. */
const recordCauseKey = (change: OutboxChange, recordId: string) => `${change.key}/${recordId}`;

/** EVENT_SCORE rules on the dyad of each new event whose |G| reaches their threshold. */
async function recordEventCauses({ db, change }: { db: DbOrTx; change: OutboxChange }): Promise<void> {
  for (const record of change.records) {
    if (record.entity !== "Event" || record.goldstein === null || record.dyadId === null) continue;
    const rules = await db.alertRule.findMany({
      where: { kind: "EVENT_SCORE", dyadId: record.dyadId, paused: false, threshold: { lte: Math.abs(record.goldstein) } },
      select: { id: true, dyadId: true, threshold: true },
    });
    if (rules.length === 0) continue;
    const event = await db.event.findUnique({ where: { id: record.id }, select: { title: true } });
    const causes = rules.flatMap((rule) => {
      const said = eventScoreCause(rule, record, event?.title ?? "an event since removed");
      return said ? [{ ruleId: rule.id, key: recordCauseKey(change, record.id), ...stored(said), link: `/events/${record.id}` }] : [];
    });
    await db.alertCause.createMany({ data: causes, skipDuplicates: true });
  }
}

/** AGREEMENT_FILTER rules whose filter the feed would match a written agreement with. */
async function recordAgreementCauses({ db, change }: { db: DbOrTx; change: OutboxChange }): Promise<void> {
  const agreements = change.records.filter((r) => r.entity === "Agreement" && mayFireRecordRule(r));
  if (agreements.length === 0) return;
  const rules = await db.alertRule.findMany({ where: { kind: "AGREEMENT_FILTER", paused: false }, select: { id: true, filter: true } });
  for (const rule of rules) {
    const filter = agreementFilters.safeParse(rule.filter);
    if (!filter.success) continue;
    for (const record of agreements) {
      const match = await agreementMatching({ db, id: record.id, version: record.version, filters: filter.data });
      if (!match) continue;
      const said = agreementCause(record, match.title, describeAgreementFilters(filter.data));
      await db.alertCause.createMany({ data: [{ ruleId: rule.id, key: recordCauseKey(change, record.id), ...stored(said), link: `/agreements/${record.id}` }], skipDuplicates: true });
    }
  }
}

/** The page of the event a change wrote; conditions and imports have none (the alert shows the dyad). */
const recordPage = (change: OutboxChange) => (change.entity === "Event" && change.recordId ? `/events/${change.recordId}` : null);

/**
 * A CONDITION rule's causes: the dyad's standing conditions that start or end today (UTC), each
 * once (its key names the condition, the edge and the day). Answers the causes added.
 */
export async function recordConditionDays({ db, now }: { db: Db; now: Date }): Promise<number> {
  const today = fromDay(toDay(now));
  const due = await db.$queryRaw<{ ruleId: string; conditionId: string; title: string; starts: boolean }[]>`
    SELECT r.id AS "ruleId", c.id AS "conditionId", c.title, c."startDate" = ${today}::date AS starts
    FROM "AlertRule" r JOIN "Condition" c ON c."dyadId" = r."dyadId"
    WHERE r.kind = 'CONDITION' AND NOT r.paused AND c."archivedAt" IS NULL
      AND (c."startDate" = ${today}::date OR c."endDate" = ${today}::date)`;
  if (due.length === 0) return 0;
  const { count } = await db.alertCause.createMany({
    data: due.map((d) => ({ ruleId: d.ruleId, key: `Condition:${d.conditionId}:${d.starts ? "starts" : "ends"}:${today}`, ...stored(conditionDayCause(d.title, d.starts)) })),
    skipDuplicates: true,
  });
  return count;
}

/** Where several grouped causes send the reader: the dyad's page, or the agreements feed filtered as the rule is. */
function ruleHome(rule: { dyad: { key: string } | null; filter: unknown }): string {
  if (rule.dyad) return `/dyads/${rule.dyad.key}`;
  const filter = agreementFilters.safeParse(rule.filter);
  const query = filter.success ? agreementFiltersToSearchParams(filter.data).toString() : "";
  return `/agreements${query ? `?${query}` : ""}`;
}

/** Where one recipient of a rule's alerts wants them besides the app: a webhook, e-mail on their schedule. */
type Delivery = { userId: string; webhookUrl: string | null; email: boolean } & EmailSchedule;

/** A recipient's copy is keyed by the rule, its first cause and the recipient: each gets a triggering change once. */
const copyKey = (ruleId: string, firstCause: bigint, userId: string) => `${ruleId}:${firstCause}:${userId}`;

/** A recipient's own copy of an alert, with their e-mail when they chose it (their webhook post is queued beside it). */
function copyFor(recipient: Delivery, ruleId: string, firstCause: bigint, now: Date) {
  return {
    userId: recipient.userId,
    idempotencyKey: copyKey(ruleId, firstCause, recipient.userId),
    // Mailed by sendDueEmails at once, or with the recipient's next digest.
    ...(recipient.email && { emailState: "PENDING" as const, emailDueAt: emailDueAt(recipient, now) }),
  };
}

const deliverySelect = { webhookUrl: true, email: true, emailCadence: true, digestHour: true, digestWeekday: true, timeZone: true } as const;

/** Rules turned into alerts per transaction: a few statements for the batch, not a few per rule. */
const DELIVER_BATCH = 500;

/**
 * Turns each cooled-down, unpaused rule's pending causes into one alert for its owner and one for
 * each subscribed teammate still in the rule's team, each delivered as that recipient chose; the
 * rule's cooldown holds for every recipient alike. Answers the rules that fired.
 */
export async function deliverDue({ db, now }: { db: Db; now: Date }): Promise<number> {
  const rules = await db.alertRule.findMany({
    where: { paused: false, causes: { some: { alertId: null } } },
    select: { id: true, lastFiredAt: true, cooldownMinutes: true },
    orderBy: { id: "asc" },
  });
  const ready = rules.filter((r) => cooledDown(r, now)).map((r) => r.id);
  let fired = 0;
  for (let i = 0; i < ready.length; i += DELIVER_BATCH) fired += await deliverRules({ db, now, ruleIds: ready.slice(i, i + DELIVER_BATCH) });
  return fired;
}

const ownerSelect = { id: true, userId: true, dyadId: true, teamId: true, filter: true, dyad: { select: { key: true } }, ...deliverySelect } satisfies Prisma.AlertRuleSelect;
type Owner = Prisma.AlertRuleGetPayload<{ select: typeof ownerSelect }>;

/** Rows grouped by their rule, in the rows' order. */
function byRule<T extends { ruleId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.ruleId);
    if (group) group.push(row);
    else groups.set(row.ruleId, [row]);
  }
  return groups;
}

/** The subscribers of the shared rules among `owners` who may still see them (members of the rule's team), by rule: one query. */
async function subscribersOf(tx: DbOrTx, owners: readonly Owner[]): Promise<Map<string, Delivery[]>> {
  const rulesOfTeam = new Map<string, string[]>();
  for (const owner of owners) if (owner.teamId) rulesOfTeam.set(owner.teamId, [...(rulesOfTeam.get(owner.teamId) ?? []), owner.id]);
  if (rulesOfTeam.size === 0) return new Map();
  const subscriptions = await tx.alertSubscription.findMany({
    where: { OR: [...rulesOfTeam].map(([teamId, ruleIds]) => ({ ruleId: { in: ruleIds }, user: { memberships: { some: { teamId } } } })) },
    select: { ruleId: true, userId: true, ...deliverySelect },
    orderBy: { id: "asc" },
  });
  return byRule(subscriptions);
}

/**
 * One transaction for a batch of rules: each with pending causes gets a copy of its alert for
 * every recipient, each copy's webhook post and e-mail queued as its recipient chose.
 */
async function deliverRules({ db, now, ruleIds }: { db: Db; now: Date; ruleIds: string[] }): Promise<number> {
  return db.$transaction(async (tx) => {
    // The row locks serialise two runners on a rule: the second finds it fired, or nothing pending.
    // Taken in id order, so two runners' batches never wait on each other crosswise.
    const locked = await tx.$queryRaw<{ id: string; lastFiredAt: Date | null; cooldownMinutes: number }[]>`
      SELECT id, "lastFiredAt", "cooldownMinutes" FROM "AlertRule" WHERE id = ANY(${ruleIds}::text[]) AND NOT paused ORDER BY id FOR UPDATE`;
    const ids = locked.filter((r) => cooledDown(r, now)).map((r) => r.id);
    if (ids.length === 0) return 0;
    const causes = await tx.alertCause.findMany({ where: { ruleId: { in: ids }, alertId: null }, orderBy: { id: "asc" }, select: { id: true, ruleId: true, text: true, said: true, link: true } });
    const causesOf = byRule(causes);
    const owners = await tx.alertRule.findMany({ where: { id: { in: [...causesOf.keys()] } }, select: ownerSelect, orderBy: { id: "asc" } });
    const firing = owners.flatMap((owner) => {
      const mine = causesOf.get(owner.id) ?? [];
      const [first] = mine;
      return first ? [{ owner, mine, first }] : [];
    });
    if (firing.length === 0) return 0;
    const subscribers = await subscribersOf(tx, firing.map((f) => f.owner));
    const copies = firing.flatMap(({ owner, mine, first }) => {
      const said = alertSaidOf(mine);
      const fired = {
        ruleId: owner.id,
        dyadId: owner.dyadId,
        cause: groupCauses(mine.map((c) => c.text)),
        ...(said && { said }),
        link: (mine.length === 1 && first.link) || ruleHome(owner),
      };
      return [owner, ...(subscribers.get(owner.id) ?? [])].map((recipient) => ({ data: { ...fired, ...copyFor(recipient, owner.id, first.id, now) }, webhookUrl: recipient.webhookUrl }));
    });
    const alerts = await tx.alert.createManyAndReturn({ data: copies.map((c) => c.data), select: { id: true, idempotencyKey: true } });
    const alertOf = new Map(alerts.map((a) => [a.idempotencyKey, a.id]));
    // Posted by postDueWebhooks, in this run or a later one: each recipient's to their own address.
    const posts = copies.flatMap(({ data, webhookUrl }) => {
      const alertId = alertOf.get(data.idempotencyKey);
      return alertId && webhookUrl ? [{ alertId, url: webhookUrl, createdAt: now, nextAttemptAt: now }] : [];
    });
    if (posts.length > 0) await tx.webhookDelivery.createMany({ data: posts });
    // The causes belong to the owner's copy.
    const settled = firing.flatMap(({ owner, mine, first }) => {
      const alert = alertOf.get(copyKey(owner.id, first.id, owner.userId));
      // As text: the driver sends an array of strings, which PostgreSQL casts to bigint.
      return alert ? mine.map((c) => ({ cause: c.id.toString(), alert })) : [];
    });
    await tx.$executeRaw`
      UPDATE "AlertCause" c SET "alertId" = d.alert
      FROM unnest(${settled.map((d) => d.cause)}::bigint[], ${settled.map((d) => d.alert)}::text[]) AS d(cause, alert) WHERE c.id = d.cause`;
    await tx.alertRule.updateMany({ where: { id: { in: firing.map((f) => f.owner.id) } }, data: { lastFiredAt: now } });
    return firing.length;
  });
}
