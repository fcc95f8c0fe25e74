// Alert rules shared with one team on a real PostgreSQL, seen as saved views are: the team's
// members see the rule and may subscribe, getting its alerts in their own list; only its owner
// changes it (a teammate is FORBIDDEN); an outsider gets NOT_FOUND, as for a rule that does not exist.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ALERT_DYAD, startAlertsWorld } from "@/test/fixtures/alerts";
import { eventRecord } from "../events/write";
import { createRecord, setRecordArchived } from "../records/pipeline";

const users = ["owner", "mate", "outsider"].map((name) => ({ id: `u-share-${name}`, name, email: `share-${name}@example.com`, role: "analyst" as const }));
const codeOf = (code: TRPCError["code"]) => (e: unknown) => e instanceof TRPCError && e.code === code;

describe("alert rules shared with a team", async () => {
  const { db, today, callers, runJob, recall } = await startAlertsWorld(users);
  const [owner, mate, outsider] = callers;
  if (!owner || !mate || !outsider) throw new Error("no callers");
  const team = await db.team.create({
    data: { name: "Maghreb desk", memberships: { create: [{ userId: "u-share-owner", role: "OWNER" }, { userId: "u-share-mate", role: "MEMBER" }] } },
    select: { id: true },
  });
  const elsewhere = await db.team.create({ data: { name: "Another desk", memberships: { create: [{ userId: "u-share-outsider", role: "OWNER" }] } }, select: { id: true } });
  const alertsOf = async (caller: typeof owner) => (await caller.alerts.list()).alerts.map((a) => a.cause);

  it("shares only with a team of the owner's, refused on the field otherwise", async () => {
    await expect(owner.alerts.createRule({ kind: "BAND_CHANGE", dyad: ALERT_DYAD, teamId: elsewhere.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/one of your teams/) });
  });

  const shared = await owner.alerts.createRule({ kind: "BAND_CHANGE", dyad: ALERT_DYAD, teamId: team.id });

  it("teammates see the shared rule, not theirs; an outsider does not see it at all", async () => {
    expect(shared).toMatchObject({ team: { id: team.id, name: "Maghreb desk" }, mine: true });
    expect(await mate.alerts.rules()).toEqual([expect.objectContaining({ id: shared.id, mine: false, subscribed: false, user: { name: "owner" } })]);
    expect(await outsider.alerts.rules()).toEqual([]);
  });

  it("an outsider can neither subscribe nor change it: not found; a teammate may not change it: forbidden", async () => {
    await expect(outsider.alerts.subscribe({ ruleId: shared.id, subscribed: true })).rejects.toSatisfy(codeOf("NOT_FOUND"));
    await expect(outsider.alerts.pauseRule({ ruleId: shared.id, paused: true })).rejects.toSatisfy(codeOf("NOT_FOUND"));
    await expect(mate.alerts.pauseRule({ ruleId: shared.id, paused: true })).rejects.toSatisfy(codeOf("FORBIDDEN"));
    await expect(mate.alerts.deleteRule({ ruleId: shared.id })).rejects.toSatisfy(codeOf("FORBIDDEN"));
    await expect(owner.alerts.subscribe({ ruleId: shared.id, subscribed: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: shared.id }, select: { paused: true } })).toEqual({ paused: false });
  });

  it("a subscribed teammate gets each alert in their own list, once; the outsider nothing", async () => {
    expect(await mate.alerts.subscribe({ ruleId: shared.id, subscribed: true })).toMatchObject({ subscribed: true });
    await createRecord({ db, type: eventRecord, actorId: null, data: recall("Algiers recalls its ambassador"), today });
    await runJob();
    await runJob();
    expect(await alertsOf(owner)).toEqual([expect.stringMatching(/^Band changed/)]);
    expect(await alertsOf(mate)).toEqual([expect.stringMatching(/^Band changed/)]);
    expect(await alertsOf(outsider)).toEqual([]);
    const trail = await db.auditLog.findMany({ where: { actorId: "u-share-mate" }, select: { action: true, entityType: true, entityId: true, after: true } });
    expect(trail).toEqual([{ action: "UPDATE", entityType: "AlertRule", entityId: shared.id, after: { subscriber: "u-share-mate", subscribed: true } }]);
  });

  it("a teammate who leaves the team no longer sees the rule nor gets its alerts", async () => {
    await db.membership.deleteMany({ where: { teamId: team.id, userId: "u-share-mate" } });
    expect(await mate.alerts.rules()).toEqual([]);
    const event = await db.event.findFirstOrThrow({ where: { title: "Algiers recalls its ambassador" }, select: { id: true, version: true } });
    await setRecordArchived({ db, type: eventRecord, actorId: null, id: event.id, version: event.version, archived: true, today });
    await runJob(new Date(Date.now() + 2 * 3600_000));
    expect(await alertsOf(owner)).toHaveLength(2);
    expect(await alertsOf(mate)).toHaveLength(1);
    await expect(mate.alerts.subscribe({ ruleId: shared.id, subscribed: false })).rejects.toSatisfy(codeOf("NOT_FOUND"));
  });
});
