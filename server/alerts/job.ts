// The `alerts` job: a sent check evaluates one dyad's rules against one change; every run (the
// cron's too) then delivers the causes whose rule has cooled down. A cause is stored once per
// rule and change (unique key), so a check that runs twice, or on two runners, adds nothing.
import type { Db } from "../db-client";
import { env } from "../env";
import type { JobCounts, JobContext } from "../jobs/definition";
import { toDay } from "../method/day";
import { indexAsOf } from "../relations/rollup";
import { alertCheck, type AlertCheck } from "./announce";
import { causeOf, cooledDown, groupCauses } from "./evaluate";
import { postDueWebhooks } from "./webhooks";

export async function runAlerts({ db, data, signal }: JobContext, now = new Date()): Promise<JobCounts> {
  const check = alertCheck.safeParse(data);
  const read = check.success ? await recordCauses({ db, check: check.data, now }) : 0;
  const kept = await deliverDue({ db, now });
  await postDueWebhooks({ db, now, signal, allowLocalHttp: env.NODE_ENV !== "production" });
  return { read, kept };
}

/** Stores each rule's cause for the change; answers the rules read. */
export async function recordCauses({ db, check, now }: { db: Db; check: AlertCheck; now: Date }): Promise<number> {
  const rules = await db.alertRule.findMany({ where: { dyadId: check.dyadId, paused: false }, select: { id: true, kind: true, threshold: true, days: true } });
  const today = toDay(now);
  const pastOn = new Map<number, number | null>();
  for (const rule of rules) {
    let past: number | null = null;
    if (rule.kind === "MOVE" && rule.days !== null) {
      if (!pastOn.has(rule.days)) pastOn.set(rule.days, await indexAsOf({ db, dyadId: check.dyadId, onOrBefore: today - rule.days }));
      past = pastOn.get(rule.days) ?? null;
    }
    const text = causeOf(rule, check, past);
    if (text) await db.alertCause.createMany({ data: [{ ruleId: rule.id, key: check.key, text }], skipDuplicates: true });
  }
  return rules.length;
}

/** Turns each cooled-down, unpaused rule's pending causes into one alert; answers the alerts made. */
export async function deliverDue({ db, now }: { db: Db; now: Date }): Promise<number> {
  const rules = await db.alertRule.findMany({
    where: { paused: false, causes: { some: { alertId: null } } },
    select: { id: true, lastFiredAt: true, cooldownMinutes: true },
  });
  let made = 0;
  for (const rule of rules.filter((r) => cooledDown(r, now))) {
    const delivered = await db.$transaction(async (tx) => {
      // The row lock serialises two runners on one rule: the second finds nothing pending.
      const [locked] = await tx.$queryRaw<{ lastFiredAt: Date | null; cooldownMinutes: number }[]>`
        SELECT "lastFiredAt", "cooldownMinutes" FROM "AlertRule" WHERE id = ${rule.id} AND NOT paused FOR UPDATE`;
      if (!locked || !cooledDown(locked, now)) return false;
      const causes = await tx.alertCause.findMany({ where: { ruleId: rule.id, alertId: null }, orderBy: { id: "asc" }, select: { id: true, text: true } });
      const [first] = causes;
      if (!first) return false;
      const owner = await tx.alertRule.findUniqueOrThrow({ where: { id: rule.id }, select: { userId: true, dyadId: true, webhookUrl: true, dyad: { select: { key: true } } } });
      const alert = await tx.alert.create({
        data: {
          ruleId: rule.id,
          userId: owner.userId,
          dyadId: owner.dyadId,
          cause: groupCauses(causes.map((c) => c.text)),
          link: `/dyads/${owner.dyad.key}`,
          idempotencyKey: `${rule.id}:${first.id}`,
          // Posted by postDueWebhooks, in this run or a later one.
          ...(owner.webhookUrl && { webhook: { create: { url: owner.webhookUrl, createdAt: now, nextAttemptAt: now } } }),
        },
        select: { id: true },
      });
      await tx.alertCause.updateMany({ where: { id: { in: causes.map((c) => c.id) } }, data: { alertId: alert.id } });
      await tx.alertRule.update({ where: { id: rule.id }, data: { lastFiredAt: now } });
      return true;
    });
    if (delivered) made++;
  }
  return made;
}
