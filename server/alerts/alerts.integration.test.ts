// Alerts end to end on a real PostgreSQL and a real pg-boss runner: a publish through the record
// pipeline sends an `alerts` check, the runner evaluates the dyad's rules and delivers alerts once
// per change, holds later triggers through the cooldown without losing them, and each user reaches
// only their own rules and alerts.
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ALERT_DYAD, startAlertsWorld } from "@/test/fixtures/alerts";
import { eventRecord } from "../events/write";
import { createRecord, setRecordArchived } from "../records/pipeline";
import { announceMoves } from "./announce";
import { deliverDue } from "./job";

const SETTLED = { timeout: 30_000, interval: 100 };
const DYAD = ALERT_DYAD;
const OWNER = { id: "u-alert-owner", name: "Owner", email: "owner@example.com", role: "analyst" } as const;
const OTHER = { id: "u-alert-other", name: "Other", email: "other@example.com", role: "analyst" } as const;

describe("alerts", async () => {
  const { db, today, dyadId, callers, runner, recall } = await startAlertsWorld([OWNER, OTHER]);
  const [owner, other] = callers;
  if (!owner || !other) throw new Error("no callers");
  const dyad = { id: dyadId };
  afterAll(() => runner.stop());

  /** Waits until every check queued so far has run. */
  const checksDone = () =>
    vi.waitFor(async () => {
      const [{ waiting } = { waiting: 1 }] = await db.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pgboss.job WHERE name = 'alerts' AND state IN ('created', 'retry', 'active')`;
      expect(waiting).toBe(0);
    }, SETTLED);

  const band = await owner.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD });
  const paused = await other.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD });
  await other.alerts.pauseRule({ ruleId: paused.id, paused: true });
  let firstEvent = { id: "", version: 0 };

  it("an event published through the pipeline that changes the dyad's band fires one alert for the rule's owner", async () => {
    firstEvent = await createRecord({ db, type: eventRecord, actorId: null, data: recall("Algiers recalls its ambassador from Rabat"), today });
    await vi.waitFor(async () => expect((await owner.alerts.list()).unread).toBe(1), SETTLED);
    await checksDone();
    const { alerts, unread } = await owner.alerts.list();
    expect(unread).toBe(1);
    expect(alerts).toEqual([expect.objectContaining({ cause: expect.stringMatching(/^Band changed from no data to /), link: `/dyads/${DYAD}`, readAt: null })]);
    expect(await owner.alerts.unread()).toBe(1);
    expect((await owner.alerts.rules())[0]).toMatchObject({ id: band.id, lastFiredAt: expect.any(Date) });
  });

  it("the same change processed twice gives one alert", async () => {
    const key = { entity: "Event", id: firstEvent.id, version: firstEvent.version };
    await announceMoves({ db, ...key, moves: [{ dyadId: dyad.id, before: null, after: -10 }] });
    await checksDone();
    expect(await db.alertCause.count({ where: { ruleId: band.id } })).toBe(1);
    await db.alertRule.update({ where: { id: band.id }, data: { lastFiredAt: new Date(Date.now() - 2 * 3600_000) } });
    await deliverDue({ db, now: new Date() });
    expect((await owner.alerts.list()).alerts).toHaveLength(1);
  });

  it("a paused rule fires nothing", async () => {
    expect(await db.alertCause.count({ where: { ruleId: paused.id } })).toBe(0);
    expect(await other.alerts.list()).toEqual({ alerts: [], unread: 0 });
  });

  it("a second trigger within the cooldown is held, then delivered when the cooldown ends", async () => {
    await db.alertRule.update({ where: { id: band.id }, data: { lastFiredAt: new Date() } });
    // Archiving the only event takes the dyad back to "no data": a band change inside the cooldown.
    await setRecordArchived({ db, type: eventRecord, actorId: null, id: firstEvent.id, version: firstEvent.version, archived: true, today });
    await vi.waitFor(async () => expect(await db.alertCause.count({ where: { ruleId: band.id, alertId: null } })).toBe(1), SETTLED);
    await checksDone();
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
});
