// The baseline the alerts job is measured against: after a write, every rule is evaluated on its
// own, reading its dyad's series afresh (the index today, N days ago, the unusual flag; the
// events, conditions and agreements written since the last evaluation), with no outbox saying
// which dyads moved. It judges with the same pure functions (server/alerts/evaluate.ts), stores its
// causes as the job does (a key and its arguments beside their English sentence) and hands them to
// the same deliverDue, so the two differ only in how rules are judged.
import { agreementMatching } from "../../server/agreements/page-query";
import { describeAgreementFilters } from "../../server/agreements/filters";
import { agreementFilters } from "../../server/agreements/schemas";
import { causeInEnglish } from "../../server/alerts/cause-language";
import type { CauseSaid } from "../../server/alerts/cause-words";
import { agreementCause, causeOf, conditionDayCause, eventScoreCause, type AlertKindName } from "../../server/alerts/evaluate";
import type { Db } from "../../server/db-client";
import { eventScore } from "../../server/method/goldstein";
import { fromDay, toDay } from "../../server/method/day";
import { OVERRIDE_KEYS } from "../../server/method/params";
import { indexAsOf, unusualOn } from "../../server/relations/rollup";

interface Rule {
  id: string;
  kind: AlertKindName;
  dyadId: string | null;
  threshold: number | null;
  days: number | null;
  filter: unknown;
}

/** What the baseline remembers of each rule between evaluations: the index and flag it last saw. */
export type Seen = Map<string, { value: number | null; unusual: boolean }>;

interface Cause {
  ruleId: string;
  key: string;
  said: CauseSaid;
  link: string | null;
}

/** A judged cause as the comparison reads it: the rule and the cause's English sentence (every argument said). */
export const judgedCause = (c: { ruleId: string; text: string }) => `${c.ruleId}: ${c.text}`;

export const rulesToRescan = (db: Db): Promise<Rule[]> =>
  db.alertRule.findMany({ where: { paused: false }, select: { id: true, kind: true, dyadId: true, threshold: true, days: true, filter: true }, orderBy: { id: "asc" } });

/**
 * Evaluates every rule once; `since`: the previous evaluation. Writes the causes under `key` and
 * answers how many each group of kinds judged to fire (`records`: EVENT_SCORE and AGREEMENT_FILTER)
 * and, for moves and records (what one write's outbox row makes the job judge), each cause judged.
 * With `write` false it only fills `seen` (the first evaluation has nothing to compare with).
 */
export async function rescanEveryRule(input: { db: Db; rules: readonly Rule[]; seen: Seen; since: Date; now: Date; key: string; write?: boolean }): Promise<{ moves: number; records: number; conditions: number; judged: string[] }> {
  const { db, rules, seen, since, now, key, write = true } = input;
  const today = toDay(now);
  const causes: Cause[] = [];
  const counted = { moves: 0, records: 0, conditions: 0 };
  const judged: string[] = [];
  const add = (group: keyof typeof counted, cause: Cause) => {
    counted[group]++;
    causes.push(cause);
    if (group !== "conditions") judged.push(judgedCause({ ruleId: cause.ruleId, text: causeInEnglish(cause.said) }));
  };
  for (const rule of rules) {
    const { dyadId } = rule;
    if (rule.kind === "AGREEMENT_FILTER") {
      const filter = agreementFilters.safeParse(rule.filter);
      if (!filter.success) continue;
      const written = await db.agreement.findMany({ where: { updatedAt: { gt: since } }, select: { id: true, version: true } });
      for (const agreement of written) {
        const match = await agreementMatching({ db, id: agreement.id, version: agreement.version, filters: filter.data });
        const record = { entity: "Agreement", action: "UPDATE" as const, dyadId: null, goldstein: null };
        if (match) add("records", { ruleId: rule.id, key: `${key}/${agreement.id}`, said: agreementCause(record, match.title, describeAgreementFilters(filter.data)), link: `/agreements/${agreement.id}` });
      }
      continue;
    }
    if (dyadId === null) continue;
    if (rule.kind === "EVENT_SCORE") {
      const events = await db.event.findMany({
        where: { dyadId, archivedAt: null, createdAt: { gt: since } },
        select: { id: true, title: true, cameoCode: true, overrideKey: true, scoreOverride: true, level: true, verification: true },
      });
      for (const e of events) {
        const goldstein = eventScore({ ...e, overrideKey: OVERRIDE_KEYS.find((k) => k === e.overrideKey) ?? null }).g;
        const said = eventScoreCause(rule, { entity: "Event", action: "CREATE", dyadId, goldstein }, e.title);
        if (said) add("records", { ruleId: rule.id, key: `${key}/${e.id}`, said, link: `/events/${e.id}` });
      }
      continue;
    }
    if (rule.kind === "CONDITION") {
      const day = new Date(fromDay(today));
      const edges = await db.condition.findMany({ where: { dyadId, archivedAt: null, OR: [{ startDate: day }, { endDate: day }] }, select: { id: true, title: true, startDate: true } });
      for (const c of edges) {
        const starts = c.startDate.getTime() === day.getTime();
        add("conditions", { ruleId: rule.id, key: `rescan:Condition:${c.id}:${starts ? "starts" : "ends"}:${fromDay(today)}`, said: conditionDayCause(c.title, starts), link: null });
      }
      continue;
    }
    const after = await indexAsOf({ db, dyadId, onOrBefore: today });
    const unusualAfter = rule.kind === "UNUSUAL" ? await unusualOn({ db, dyadId, today }) : false;
    const past = rule.kind === "MOVE" && rule.days !== null ? await indexAsOf({ db, dyadId, onOrBefore: today - rule.days }) : null;
    const was = seen.get(rule.id) ?? { value: after, unusual: unusualAfter };
    seen.set(rule.id, { value: after, unusual: unusualAfter });
    const said = causeOf(rule, { dyadId, before: was.value, after, unusualBefore: was.unusual, unusualAfter }, past);
    if (said) add("moves", { ruleId: rule.id, key, said, link: null });
  }
  if (write && causes.length > 0) await db.alertCause.createMany({ data: causes.map((c) => ({ ...c, text: causeInEnglish(c.said) })), skipDuplicates: true });
  return { ...counted, judged };
}
