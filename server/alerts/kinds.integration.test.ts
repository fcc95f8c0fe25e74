// Rule kinds (c) unusual change, (d) event score and (e) agreement filter on a real PostgreSQL:
// each judged from the transactional outbox the record pipeline writes, once per change (a change
// settled again adds nothing), and held through the rule's cooldown, then delivered, never dropped.
import { describe, expect, it } from "vitest";
import { ALERT_DYAD, startAlertsWorld } from "@/test/fixtures/alerts";
import { agreementFixture } from "@/test/fixtures/agreement";
import { agreementInput } from "../agreements/write-schemas";
import { createAgreement, setAgreementArchived, updateAgreement } from "../agreements/write";
import { eventRecord } from "../events/write";
import { fromDay } from "../method/day";
import { createRecord, updateRecord } from "../records/pipeline";
import { IndexChanges, dyadChanged } from "../records/index-changes";
import { unusualOn } from "../relations/rollup";
import { deliverDue } from "./job";

const users = ["score", "filter", "unusual"].map((name) => ({ id: `u-kinds-${name}`, name, email: `${name}@example.com`, role: "analyst" as const }));
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe("alert rule kinds c–e", async () => {
  const { db, today, dyadId, callers, runJob, recall } = await startAlertsWorld(users);
  const [scorer, filterer, watcher] = callers;
  if (!scorer || !filterer || !watcher) throw new Error("no callers");
  /** The rule's causes, oldest first, and its alerts. */
  const causesOf = (ruleId: string) => db.alertCause.findMany({ where: { ruleId }, orderBy: { id: "asc" }, select: { text: true, link: true, alertId: true } });
  const alertsOf = (ruleId: string) => db.alert.findMany({ where: { ruleId }, orderBy: { createdAt: "asc" }, select: { cause: true, link: true, dyadId: true } });
  /** Every change settled again, as if the job had died before its commit: nothing may come twice. */
  const settleAgain = async () => {
    await db.alertOutbox.updateMany({ data: { settledAt: null } });
    await runJob();
  };
  const event = (cameoCode: string, title: string) => ({ ...recall(title), cameoCode });

  describe("EVENT_SCORE", () => {
    it("fires once on a new event whose |Goldstein score| reaches the threshold, not on a weaker one nor on an edit", async () => {
      const strong = await scorer.alerts.createRule({ kind: "EVENT_SCORE", dyad: ALERT_DYAD, threshold: 4 });
      const stricter = await scorer.alerts.createRule({ kind: "EVENT_SCORE", dyad: ALERT_DYAD, threshold: 4.5 });
      const recalled = await createRecord({ db, type: eventRecord, actorId: null, data: event("161", "Rabat recalls its ambassador"), today });
      const [row] = await db.alertOutbox.findMany({ where: { recordId: recalled.id }, select: { records: true } });
      expect(row?.records).toEqual([{ entity: "Event", id: recalled.id, version: 1, action: "CREATE", dyadId, goldstein: -4 }]);

      await runJob();
      await settleAgain();
      expect(await alertsOf(strong.id)).toEqual([{ cause: "New event with Goldstein score −4.0 (at least ±4): Rabat recalls its ambassador.", link: `/events/${recalled.id}`, dyadId }]);
      expect(await causesOf(stricter.id)).toEqual([]);

      // An edit is not a new event.
      await updateRecord({ db, type: eventRecord, actorId: null, id: recalled.id, version: recalled.version, data: event("161", "Rabat recalls its ambassador (corrected)"), today });
      await runJob();
      expect(await causesOf(strong.id)).toHaveLength(1);
      await scorer.alerts.deleteRule({ ruleId: stricter.id });
    });

    it("holds a second event within the cooldown and delivers it when the cooldown ends", async () => {
      const [rule] = await scorer.alerts.rules();
      if (!rule) throw new Error("no rule");
      const visit = await createRecord({ db, type: eventRecord, actorId: null, data: event("057", "Algiers and Rabat sign a water accord"), today });
      await runJob();
      expect(await alertsOf(rule.id)).toHaveLength(1);
      expect((await causesOf(rule.id)).at(-1)).toMatchObject({ text: expect.stringMatching(/\+8\.0/), alertId: null });
      expect(await deliverDue({ db, now: new Date(Date.now() + 61 * 60_000) })).toBe(1);
      expect((await alertsOf(rule.id)).at(-1)).toEqual({ cause: expect.stringMatching(/water accord/), link: `/events/${visit.id}`, dyadId });
    });

    it("refuses impossible thresholds on their field", async () => {
      for (const threshold of [0, -1, 10.5]) {
        await expect(scorer.alerts.createRule({ kind: "EVENT_SCORE", dyad: ALERT_DYAD, threshold })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/threshold/) });
      }
      const [rule] = await scorer.alerts.rules();
      if (!rule) throw new Error("no rule");
      const edit = { ruleId: rule.id, version: rule.version, kind: "EVENT_SCORE", threshold: 11, webhookUrl: "", emailOn: false, cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } as const;
      await expect(scorer.alerts.editRule(edit)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at most 10/) });
      expect(await scorer.alerts.editRule({ ...edit, threshold: 6 })).toMatchObject({ kind: "EVENT_SCORE", threshold: 6 });
    });
  });

  describe("AGREEMENT_FILTER", () => {
    const sector = `desal-${Date.now()}`;
    const agreement = (title: string, over: Partial<typeof agreementFixture> = {}) => agreementInput.parse({ ...agreementFixture, dyad: ALERT_DYAD, sectors: [sector], title, ...over });

    it("fires once on a new agreement the feed's filter matches, with the filter in words; not on one it does not match", async () => {
      const rule = await filterer.alerts.createRule({ kind: "AGREEMENT_FILTER", filter: { dyads: [ALERT_DYAD], sectors: [sector], statuses: ["SIGNED"], q: "desalination" } });
      expect(rule).toMatchObject({ dyad: null, agreements: { words: expect.stringMatching(/^matching “desalination”, dyad DZA-MAR, sector desal-/) } });
      const matching = await createAgreement({ db, actorId: null, data: agreement("Desalination plant cooperation") });
      await createAgreement({ db, actorId: null, data: agreement("Desalination plant, anticipated", { status: "ANTICIPATED", date: "2027-01-01" }) });
      await createAgreement({ db, actorId: null, data: agreement("Rail maintenance training") });
      await runJob();
      await settleAgain();
      expect(await alertsOf(rule.id)).toEqual([{ cause: expect.stringMatching(/^New agreement for your filter \(matching “desalination”.*\): Desalination plant cooperation\.$/), link: `/agreements/${matching.id}`, dyadId: null }]);

      // A change within the cooldown is held; an archive fires nothing.
      const changed = await updateAgreement({ db, actorId: null, id: matching.id, version: matching.version, data: agreement("Desalination plant cooperation, second phase") });
      await runJob();
      await setAgreementArchived({ db, actorId: null, id: matching.id, version: changed.version, archived: true });
      await settleAgain();
      expect((await causesOf(rule.id)).map((c) => [c.text, c.alertId === null])).toEqual([
        [expect.stringMatching(/^New agreement/), false],
        [expect.stringMatching(/^Agreement changed for your filter .*second phase\.$/), true],
      ]);
      expect(await deliverDue({ db, now: new Date(Date.now() + 61 * 60_000) })).toBe(1);
      expect(await alertsOf(rule.id)).toHaveLength(2);
    });

    it("judges a change superseded before the job ran by its successor: a version edited away matches no more", async () => {
      const [rule] = await filterer.alerts.rules();
      if (!rule) throw new Error("no rule");
      const before = (await causesOf(rule.id)).length;
      const brief = await createAgreement({ db, actorId: null, data: agreement("Desalination pilot") });
      await updateAgreement({ db, actorId: null, id: brief.id, version: brief.version, data: agreement("Desalination pilot", { sectors: ["energy"] }) });
      await runJob();
      expect(await causesOf(rule.id)).toHaveLength(before);
    });

    it("refuses a rule with no filter, an unknown dyad or a search without words, on their fields", async () => {
      await expect(filterer.alerts.createRule({ kind: "AGREEMENT_FILTER", filter: {} })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at least one filter/) });
      await expect(filterer.alerts.createRule({ kind: "AGREEMENT_FILTER", filter: { dyads: ["FRA-TUN"] } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/no such dyad/) });
      await expect(filterer.alerts.createRule({ kind: "AGREEMENT_FILTER", filter: { q: "the" } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/no words/) });
    });

    it("stays an agreements rule when edited", async () => {
      const [rule] = await filterer.alerts.rules();
      if (!rule) throw new Error("no rule");
      const edit = { ruleId: rule.id, version: rule.version, kind: "BAND_CHANGE", webhookUrl: "", emailOn: false, cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } as const;
      await expect(filterer.alerts.editRule(edit)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await filterer.alerts.editRule({ ...edit, kind: "AGREEMENT_FILTER" })).toMatchObject({ kind: "AGREEMENT_FILTER", filter: expect.objectContaining({ sectors: [sector] }) });
    });
  });

  describe("UNUSUAL", () => {
    it("fires once when a publish turns the dyad's unusual-change flag on", async () => {
      // A quiet year of history first (an old visit), so the flag has its baseline of earlier changes.
      await db.event.updateMany({ where: { dyadId }, data: { archivedAt: new Date() } });
      await createRecord({ db, type: eventRecord, actorId: null, data: { ...event("042", "An old visit"), date: fromDay(today - 300) }, today });
      await runJob();
      expect(await unusualOn({ db, dyadId, today })).toBe(false);

      const rule = await watcher.alerts.createRule({ kind: "UNUSUAL", dyad: ALERT_DYAD });
      const strike = await createRecord({ db, type: eventRecord, actorId: null, data: event("190", "Border clash"), today });
      expect(await unusualOn({ db, dyadId, today })).toBe(true);
      await runJob();
      await settleAgain();
      expect(await alertsOf(rule.id)).toEqual([{ cause: expect.stringMatching(/^Unusual change flagged/), link: `/events/${strike.id}`, dyadId }]);

      // Still unusual after the next publish: not a new flag, no new cause.
      await createRecord({ db, type: eventRecord, actorId: null, data: event("190", "Second clash"), today });
      await runJob(new Date(Date.now() + 2 * HOUR));
      expect(await causesOf(rule.id)).toHaveLength(1);
    });

    it("does not fire on the next day's first publish when the flag was already on: the dyad's rollup is brought to that day before the write", async () => {
      const [rule] = await watcher.alerts.rules();
      if (!rule) throw new Error("no rule");
      const tomorrow = today + 1;
      // Nobody has read or written the dyad since: its rollup stops at today, while the flag,
      // carried to tomorrow without any new event, stays on.
      expect((await db.dyadDay.aggregate({ where: { dyadId }, _max: { day: true } }))._max.day?.toISOString().slice(0, 10)).toBe(fromDay(today));
      const small = await createRecord({ db, type: eventRecord, actorId: null, data: event("042", "A minor visit"), today: tomorrow });
      const [row] = await db.alertOutbox.findMany({ where: { recordId: small.id }, select: { moves: true } });
      expect(row?.moves).toEqual([expect.objectContaining({ unusualBefore: true, unusualAfter: true })]);
      await runJob(new Date(tomorrow * DAY + 12 * HOUR));
      expect(await causesOf(rule.id)).toHaveLength(1);
    });

    it("does not judge the flag on a rollup that is behind the write: such a move fires no unusual-change alert", async () => {
      const [rule] = await watcher.alerts.rules();
      if (!rule) throw new Error("no rule");
      const later = today + 3;
      // A writer that did not catch the dyad up to `later` first: the move is kept, its flag left unjudged.
      await db.$transaction((tx) => dyadChanged({ db: tx, dyadId, fromDay: today, today }));
      const moves = await db.$transaction((tx) => new IndexChanges().add({ dyadId, day: today }).apply(tx, later, { entity: "Test", id: `behind-${Date.now()}`, records: [] }));
      expect(moves).toEqual([expect.objectContaining({ unusualBefore: null })]);
      await runJob(new Date(later * DAY + 12 * HOUR));
      expect(await causesOf(rule.id)).toHaveLength(1);
    });
  });
});
