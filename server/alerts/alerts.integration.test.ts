// Alerts end to end on a real PostgreSQL: a publish through the record pipeline leaves its change
// in the alerts outbox, in its own transaction; the `alerts` job settles it into one alert per
// rule and change, holds later triggers through the cooldown without losing them, never delivers
// twice (two runs at once included), and each user reaches only their own rules and alerts.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ALERT_DYAD, startAlertsWorld } from "@/test/fixtures/alerts";
import { conditionInput } from "../conditions/schemas";
import { conditionRecord } from "../conditions/write";
import { eventRecord } from "../events/write";
import { fromDay } from "../method/day";
import { IndexChanges } from "../records/index-changes";
import { createRecord, setRecordArchived } from "../records/pipeline";
import { deliverDue } from "./job";

const DYAD = ALERT_DYAD;
const OWNER = { id: "u-alert-owner", name: "Owner", email: "owner@example.com", role: "analyst" } as const;
const OTHER = { id: "u-alert-other", name: "Other", email: "other@example.com", role: "analyst" } as const;
/** Holds the rules of the race and condition tests, so the owner's trail and counts stay theirs. */
const THIRD = { id: "u-alert-third", name: "Third", email: "third@example.com", role: "analyst" } as const;

describe("alerts", async () => {
  const { db, today, dyadId, callers, runJob, recall } = await startAlertsWorld([OWNER, OTHER, THIRD]);
  const [owner, other, third] = callers;
  if (!owner || !other || !third) throw new Error("no callers");
  const unsettled = () => db.alertOutbox.count({ where: { settledAt: null } });

  const band = await owner.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD });
  const paused = await other.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD });
  await other.alerts.pauseRule({ ruleId: paused.id, paused: true });
  let firstEvent = { id: "", version: 0 };

  it("a publish leaves its change in the outbox with the record; the job, run later, turns it into one alert linking to the event", async () => {
    firstEvent = await createRecord({ db, type: eventRecord, actorId: null, data: recall("Algiers recalls its ambassador from Rabat"), today });
    // As if the process died right after the commit: no job has run, nothing is lost.
    const [change] = await db.alertOutbox.findMany({ select: { key: true, entity: true, recordId: true, moves: true, settledAt: true } });
    expect(change).toMatchObject({ key: `Event:${firstEvent.id}:v1`, entity: "Event", recordId: firstEvent.id, settledAt: null, moves: [{ dyadId, before: null, after: expect.any(Number) }] });
    expect(await owner.alerts.unread()).toBe(0);

    expect(await runJob()).toEqual({ read: 1, kept: 1 });
    expect(await unsettled()).toBe(0);
    const { alerts, unread } = await owner.alerts.list();
    expect(unread).toBe(1);
    expect(alerts).toEqual([expect.objectContaining({ cause: expect.stringMatching(/^Band changed from no data to /), link: `/events/${firstEvent.id}`, readAt: null })]);
    expect((await owner.alerts.rules())[0]).toMatchObject({ id: band.id, lastFiredAt: expect.any(Date) });
    // Nothing left to do: an idle run, which the runner does not record.
    expect(await runJob()).toEqual({ read: 0, kept: 0 });
  });

  it("a write that leaves every index as it was writes no outbox row", async () => {
    await db.$transaction((tx) => new IndexChanges().add({ dyadId, day: today - 1 }).apply(tx, today, { entity: "Event", id: "unchanged", version: 1, records: [] }));
    expect(await db.alertOutbox.count({ where: { key: "Event:unchanged:v1" } })).toBe(0);
  });

  it("the same change processed twice gives one cause and one alert", async () => {
    await db.alertOutbox.updateMany({ data: { settledAt: null } });
    expect(await runJob()).toMatchObject({ read: 1 });
    expect(await db.alertCause.count({ where: { ruleId: band.id } })).toBe(1);
    await db.alertRule.update({ where: { id: band.id }, data: { lastFiredAt: new Date(Date.now() - 2 * 3600_000) } });
    await deliverDue({ db, now: new Date() });
    expect((await owner.alerts.list()).alerts).toHaveLength(1);
  });

  it("two runs at once settle each change once: never two alerts", async () => {
    // On another dyad: the owner's rule stays out of it.
    const elsewhere = await db.dyad.findFirstOrThrow({ where: { id: { not: dyadId } }, select: { id: true, key: true } });
    const second = await third.alerts.createRule({ kind: "BAND_CHANGE", dyad: elsewhere.key });
    await db.alertOutbox.create({ data: { key: "Test:race", entity: "Test", moves: [{ dyadId: elsewhere.id, before: 0, after: -90 }] } });
    const runs = await Promise.all([runJob(), runJob(), runJob()]);
    expect(runs.reduce((sum, r) => sum + r.read, 0)).toBe(1);
    expect(await db.alert.count({ where: { ruleId: second.id } })).toBe(1);
    await third.alerts.deleteRule({ ruleId: second.id });
  });

  it("a paused rule fires nothing", async () => {
    expect(await db.alertCause.count({ where: { ruleId: paused.id } })).toBe(0);
    expect(await other.alerts.list()).toEqual({ alerts: [], unread: 0 });
  });

  it("a second trigger within the cooldown is held, then delivered when the cooldown ends", async () => {
    await db.alertRule.update({ where: { id: band.id }, data: { lastFiredAt: new Date() } });
    // Archiving the only event takes the dyad back to "no data": a band change inside the cooldown.
    await setRecordArchived({ db, type: eventRecord, actorId: null, id: firstEvent.id, version: firstEvent.version, archived: true, today });
    await runJob();
    expect(await db.alertCause.count({ where: { ruleId: band.id, alertId: null } })).toBe(1);
    expect((await owner.alerts.list()).alerts).toHaveLength(1);

    expect(await deliverDue({ db, now: new Date(Date.now() + 61 * 60_000) })).toBe(1);
    const { alerts, unread } = await owner.alerts.list();
    expect(unread).toBe(2);
    expect(alerts[0]).toMatchObject({ cause: expect.stringMatching(/to no data/) });
    // Delivered once: a second pass finds nothing pending.
    expect(await deliverDue({ db, now: new Date(Date.now() + 3 * 3600_000) })).toBe(0);
  });

  it("another user can neither read nor change someone's rules and alerts", async () => {
    const [alert] = (await owner.alerts.list()).alerts;
    if (!alert) throw new Error("the owner has no alert");
    expect((await other.alerts.rules()).map((r) => r.id)).toEqual([paused.id]);
    const notFound = (e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND";
    await expect(other.alerts.pauseRule({ ruleId: band.id, paused: true })).rejects.toSatisfy(notFound);
    await expect(other.alerts.deleteRule({ ruleId: band.id })).rejects.toSatisfy(notFound);
    await expect(other.alerts.markRead({ alertId: alert.id })).rejects.toSatisfy(notFound);
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: band.id }, select: { paused: true } })).toEqual({ paused: false });
    expect(await owner.alerts.unread()).toBe(2);
  });

  it("the owner marks an alert read, pauses and deletes a rule, each audited", async () => {
    const [alert] = (await owner.alerts.list()).alerts;
    if (!alert) throw new Error("the owner has no alert");
    await owner.alerts.markRead({ alertId: alert.id });
    expect(await owner.alerts.unread()).toBe(1);
    await owner.alerts.pauseRule({ ruleId: band.id, paused: true });
    await owner.alerts.deleteRule({ ruleId: band.id });
    expect(await owner.alerts.rules()).toEqual([]);
    const trail = await db.auditLog.findMany({ where: { actorId: OWNER.id }, orderBy: { id: "asc" }, select: { action: true, entityType: true } });
    expect(trail).toEqual([
      { action: "CREATE", entityType: "AlertRule" },
      { action: "UPDATE", entityType: "Alert" },
      { action: "UPDATE", entityType: "AlertRule" },
      { action: "DELETE", entityType: "AlertRule" },
    ]);
  });

  it("refuses an unknown dyad and impossible thresholds with field errors", async () => {
    await expect(owner.alerts.createRule({ kind: "BAND_CHANGE", dyad: "FRA-TUN" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.alerts.createRule({ kind: "MOVE", dyad: DYAD, threshold: 0, days: 7 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.alerts.createRule({ kind: "MOVE", dyad: DYAD, threshold: 10, days: 9999 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a CONDITION rule fires on the day a condition ends, once, not when one is written", async () => {
    const rule = await third.alerts.createRule({ kind: "CONDITION", dyad: DYAD });
    const condition = (title: string, endDate?: string) =>
      conditionInput.parse({ dyad: DYAD, kind: "AMBASSADOR_WITHDRAWN", holder: "DZA", title, startDate: fromDay(today - 30), startPrecision: "DAY", endDate, endPrecision: endDate && "DAY", verification: "CONFIRMED", sources: [] });
    await createRecord({ db, type: conditionRecord, actorId: null, data: condition("Written, in force"), today });
    await runJob();
    expect(await db.alertCause.count({ where: { ruleId: rule.id } })).toBe(0);
    const ends = await createRecord({ db, type: conditionRecord, actorId: null, data: condition("Recall over", fromDay(today + 1)), today });
    const tomorrow = new Date((today + 1) * 86_400_000 + 3600_000);
    await runJob(tomorrow);
    await runJob(tomorrow);
    expect(await db.alertCause.findMany({ where: { ruleId: rule.id }, select: { key: true, text: true } })).toEqual([
      { key: `Condition:${ends.id}:ends:${fromDay(today + 1)}`, text: "A standing condition ends today: Recall over." },
    ]);
    await third.alerts.deleteRule({ ruleId: rule.id });
  });
});
