// Every state change is audited: each mutation of the router and each write route is performed
// once, successfully, as the user who may, and must leave at least one new audit entry naming
// them. The mutations are read from the router and the write routes from app/api, so one added
// without an entry here fails the test instead of slipping through unaudited.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createCandidateCluster } from "@/prisma/seed/candidate-factories";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { eventInputFixture } from "@/prisma/seed/factories";
import { ORIGIN, someAddress, useAuthTestDatabase } from "@/scripts/test/auth";
import { allProcedures } from "@/scripts/test/procedures";
import { agreementFixture } from "@/test/fixtures/agreement";
import { unsubscribeToken } from "./alerts/unsubscribe-token";
import { createUnsubscribeHandler } from "./alerts/unsubscribe";
import { AUTH_ROUTES } from "./auth/auth";
import { createImportHandler } from "./import/handler";
import { maintenanceJob } from "./jobs/registry";
import { startJobRunner } from "./jobs/runner";
import { fromDay, toDay } from "./method/day";

/** Who performs a change: the headers their browser sends, and the id the audit entry must name. */
interface Actor {
  headers: Headers;
  id: string;
}

/** A mutation performed successfully: as whom, with which input (made just before, unaudited work allowed). */
type Performance = () => Promise<{ as: Actor; input: unknown }>;

const created = z.object({ id: z.string(), version: z.number() });
const answer = z.object({ result: z.object({ data: z.object({ json: z.unknown() }) }) });
const daysAgo = (n: number) => fromDay(toDay(new Date()) - n);

describe("every state change is audited", async () => {
  const t = await useAuthTestDatabase({ seed: true });
  const idOf = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const actor = async (email: string, password = DEMO_PASSWORD): Promise<Actor> => ({ headers: await t.signIn(email, password), id: await idOf(email) });
  const [admin, analyst, outsider] = [await actor("admin@example.com"), await actor("analyst@example.com"), await actor("outsider@example.com")];
  /** The second admin: decides the first one's drafts. */
  const reviewer = await actor("reviewer@example.com");
  let serial = 0;
  const unique = (what: string) => `${what} ${++serial}`;

  /** A procedure over HTTP as the browser calls it; the answer's data, or the test fails with the refusal. */
  async function call(procedure: string, input: unknown, as: Actor, kind: "query" | "mutation" = "mutation"): Promise<unknown> {
    const response = await t.api(t.trpcRequest(procedure, input, { method: kind === "query" ? "GET" : "POST", headers: as.headers }));
    const text = await response.text();
    expect(response.status, `${procedure}: ${text.slice(0, 400)}`).toBe(200);
    return answer.parse(JSON.parse(text)).result.data.json;
  }

  /** The three record types share their procedures' shapes: create, update, archive, restore. */
  function recordPerformances(type: "events" | "conditions" | "agreements", values: () => Record<string, unknown>): Record<string, Performance> {
    const make = async () => created.parse(await call(`${type}.create`, values(), admin));
    return {
      [`${type}.create`]: async () => ({ as: admin, input: values() }),
      [`${type}.update`]: async () => {
        const { id, version } = await make();
        return { as: admin, input: { id, version, data: { ...values(), title: unique("Edited title") } } };
      },
      [`${type}.archive`]: async () => ({ as: admin, input: await make() }),
      [`${type}.restore`]: async () => {
        const { id, version } = await make();
        return { as: admin, input: created.parse(await call(`${type}.archive`, { id, version }, admin)) };
      },
    };
  }

  const conditionValues = () => ({
    dyad: "FRA-DZA", kind: "AMBASSADOR_WITHDRAWN", holder: "DZA", title: unique("Ambassador recalled"),
    startDate: daysAgo(30), startPrecision: "DAY", verification: "CONFIRMED", sources: [],
  });
  const ownedTeam = async (members: Actor[] = []) =>
    t.db.team.create({
      data: { name: unique("Audit desk"), memberships: { create: [{ userId: analyst.id, role: "OWNER" }, ...members.map((m) => ({ userId: m.id, role: "MEMBER" as const }))] } },
      select: { id: true },
    });
  const invitationTo = async (email: string) => {
    const team = await ownedTeam();
    await call("teams.invite", { teamId: team.id, email }, analyst);
    return t.db.teamInvitation.findFirstOrThrow({ where: { teamId: team.id, email }, select: { id: true } });
  };
  const view = async () => created.parse(await call("views.create", { name: unique("Audit view"), teamId: null, state: { v: 1 } }, analyst));
  const note = async () => created.parse(await call("notes.create", { body: unique("Why this dip"), teamId: null, on: { kind: "day", dyad: "FRA-MAR", day: daysAgo(3) } }, analyst));
  const feed = () => t.db.newsFeed.create({ data: { url: `https://audit.example/${++serial}.xml`, language: "fr", countryCode: "MAR" }, select: { id: true } });
  const headline = async () => {
    const { id: feedId } = await feed();
    return t.db.headline.create({ data: { feedId, itemKey: unique("item"), title: "Rabat and Paris talk trade", link: `https://news.example/${serial}`, language: "fr", countryCodes: ["FRA", "MAR"] }, select: { id: true } });
  };
  const token = async (owner: Actor) => z.object({ id: z.string() }).parse(await call("feedTokens.create", { name: unique("Reader") }, owner));
  const cluster = () =>
    createCandidateCluster(t.db, {
      // One cluster per dyad, day, root code and pair: a day of its own each.
      dyad: "DZA-MAR", day: daysAgo(2 + ++serial), actor: "DZA", target: "MAR",
      reports: [{ cameoCode: "111", sourceUrl: `https://www.lemonde.example/${++serial}` }, { cameoCode: "111", sourceUrl: `https://tsa.example/${serial}` }],
    });
  const alertRule = async () => z.object({ id: z.string() }).parse(await call("alerts.createRule", { kind: "BAND_CHANGE", dyad: "FRA-MAR" }, analyst));
  const alert = async () => {
    const { id: ruleId } = await alertRule();
    const rule = await t.db.alertRule.findUniqueOrThrow({ where: { id: ruleId }, select: { userId: true, dyadId: true } });
    return t.db.alert.create({ data: { ruleId, ...rule, cause: "Band changed.", link: "/dyads/FRA-MAR", idempotencyKey: unique("audit-alert") }, select: { id: true } });
  };
  const eventDraft = async () => created.parse(await call("drafts.save", { type: "Event", data: eventInputFixture({ title: unique("Drafted recall") }) }, admin));
  const someone = (extra: Record<string, unknown> = {}) => t.db.user.create({ data: { name: "Someone", email: `${unique("someone").replace(" ", ".")}@example.com`, ...extra }, select: { id: true } });

  /** How to perform each mutation of the router successfully. */
  const performances: Record<string, Performance> = {
    ...recordPerformances("events", () => eventInputFixture({ title: unique("Algeria recalls its ambassador") })),
    ...recordPerformances("conditions", conditionValues),
    ...recordPerformances("agreements", () => ({ ...agreementFixture, title: unique("Memorandum on rail training") })),
    "feedTokens.create": async () => ({ as: analyst, input: { name: unique("Reader") } }),
    "feedTokens.revoke": async () => ({ as: analyst, input: { tokenId: (await token(analyst)).id } }),
    "feedTokens.revokeAny": async () => ({ as: admin, input: { tokenId: (await token(analyst)).id } }),
    "feeds.create": async () => ({ as: admin, input: { url: `https://feeds.example/${++serial}.xml`, language: "fr", country: "MAR" } }),
    "feeds.setActive": async () => ({ as: admin, input: { id: (await feed()).id, active: false } }),
    "feeds.delete": async () => ({ as: admin, input: { id: (await feed()).id } }),
    "feeds.dismiss": async () => ({ as: admin, input: { id: (await headline()).id } }),
    "feeds.createEvent": async () => ({ as: admin, input: { headlineId: (await headline()).id, data: eventInputFixture({ title: unique("Rabat and Paris talk trade") }) } }),
    "feeds.saveKeywords": async () => ({ as: admin, input: { country: "MAR", fr: ["Maroc", unique("Rabat")], en: ["Morocco"], ar: ["المغرب"] } }),
    "views.create": async () => ({ as: analyst, input: { name: unique("Audit view"), teamId: (await ownedTeam()).id, state: { v: 1, dyads: ["FRA-MAR"] } } }),
    "views.rename": async () => ({ as: analyst, input: { ...(await view()), name: unique("Renamed view") } }),
    "views.updateState": async () => ({ as: analyst, input: { ...(await view()), state: { v: 1, dyads: ["DZA-MAR"] } } }),
    "views.delete": async () => ({ as: analyst, input: { id: (await view()).id } }),
    "views.duplicate": async () => ({ as: analyst, input: { id: (await view()).id } }),
    "notes.create": async () => ({ as: analyst, input: { body: unique("Why this dip"), teamId: (await ownedTeam()).id, on: { kind: "day", dyad: "FRA-MAR", day: daysAgo(3) } } }),
    "notes.update": async () => ({ as: analyst, input: { ...(await note()), body: unique("Why this dip, again"), teamId: null } }),
    "notes.delete": async () => ({ as: analyst, input: { id: (await note()).id } }),
    "teams.create": async () => ({ as: analyst, input: { name: unique("New desk") } }),
    "teams.invite": async () => ({ as: analyst, input: { teamId: (await ownedTeam()).id, email: "outsider@example.com" } }),
    "teams.cancelInvitation": async () => ({ as: analyst, input: { invitationId: (await invitationTo("outsider@example.com")).id } }),
    "teams.acceptInvitation": async () => ({ as: outsider, input: { invitationId: (await invitationTo("outsider@example.com")).id } }),
    "teams.declineInvitation": async () => ({ as: outsider, input: { invitationId: (await invitationTo("outsider@example.com")).id } }),
    "teams.removeMember": async () => ({ as: analyst, input: { teamId: (await ownedTeam([outsider])).id, userId: outsider.id } }),
    "account.changePassword": async () => {
      // Its own account: a change ends the user's other sessions, which the other entries use.
      const email = `${unique("changer").replace(" ", ".")}@example.com`;
      await call("users.create", { name: "Changer", email, role: "analyst", password: "a-long-password-1" }, admin);
      return { as: await actor(email, "a-long-password-1"), input: { currentPassword: "a-long-password-1", newPassword: "another-password-2" } };
    },
    "account.setLocale": async () => ({ as: analyst, input: { locale: "ar" } }),
    "jobs.runNow": async () => {
      // A runner started once installs pg-boss and the queue; the run then waits there.
      await (await startJobRunner({ databaseUrl: t.url, db: t.db, jobs: [maintenanceJob], log: () => undefined, pollingIntervalSeconds: 0.5, startupRuns: false })).stop();
      return { as: admin, input: { job: "maintenance" } };
    },
    "review.accept": async () => ({ as: admin, input: { clusterId: (await cluster()).id } }),
    "review.acceptEdited": async () => {
      const { id } = await cluster();
      const draft = z.object({ values: z.record(z.string(), z.unknown()) }).parse(await call("review.draft", { clusterId: id }, admin, "query"));
      // The form leaves the draft's empty fields (null) out.
      const values = Object.fromEntries(Object.entries(draft.values).filter(([, value]) => value !== null));
      return { as: admin, input: { clusterId: id, data: { ...values, title: "Algiers denounces Rabat's statement" } } };
    },
    "review.reject": async () => ({ as: admin, input: { clusterId: (await cluster()).id, reason: "A misread report" } }),
    "drafts.save": async () => ({ as: admin, input: { type: "Event", data: eventInputFixture({ title: unique("Drafted recall") }) } }),
    "drafts.publish": async () => ({ as: reviewer, input: await eventDraft() }),
    "drafts.return": async () => ({ as: reviewer, input: { ...(await eventDraft()), comment: "Name the ministry that announced it." } }),
    "drafts.withdraw": async () => ({ as: admin, input: await eventDraft() }),
    "drafts.publishMany": async () => ({ as: reviewer, input: { drafts: [await eventDraft()] } }),
    "drafts.returnMany": async () => ({ as: reviewer, input: { drafts: [await eventDraft()], comment: "Name the ministry that announced it." } }),
    "drafts.resubmit": async () => {
      const draft = await eventDraft();
      await call("drafts.return", { ...draft, comment: "Name the ministry that announced it." }, reviewer);
      return { as: admin, input: { id: draft.id, version: draft.version + 1 } };
    },
    "review.setRule": async () => ({ as: admin, input: { dyad: "FRA-MAR", enabled: false, minSources: 3, minGoldstein: 5 } }),
    "alerts.createRule": async () => ({ as: analyst, input: { kind: "MOVE", dyad: "DZA-MAR", threshold: 10, days: 30 } }),
    "alerts.editRule": async () => ({ as: analyst, input: { ruleId: (await alertRule()).id, version: 1, kind: "MOVE", threshold: 15, days: 10, emailOn: false, cadence: "DAILY", hour: 8, weekday: 1, timeZone: "UTC" } }),
    "alerts.testWebhook": async () => {
      const { id } = await alertRule();
      // Nothing listens there: the refused connection is the test's answer, kept and audited.
      await t.db.alertRule.update({ where: { id }, data: { webhookUrl: "http://127.0.0.1:9/hook", webhookSecret: "whsec_dGVzdA==" } });
      return { as: analyst, input: { ruleId: id } };
    },
    "alerts.subscribe": async () => {
      // The analyst's rule, shared with a team the outsider belongs to: the outsider subscribes.
      const { id } = await alertRule();
      await t.db.alertRule.update({ where: { id }, data: { teamId: (await ownedTeam([outsider])).id } });
      return { as: outsider, input: { ruleId: id, subscribed: true } };
    },
    "alerts.subscriptionDelivery": async () => {
      // The outsider, subscribed to the analyst's shared rule, has its alerts posted to their own webhook.
      const { id } = await alertRule();
      await t.db.alertRule.update({ where: { id }, data: { teamId: (await ownedTeam([outsider])).id } });
      return { as: outsider, input: { ruleId: id, webhookUrl: "http://127.0.0.1:9/hook", emailOn: false, cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } };
    },
    "alerts.pauseRule": async () => ({ as: analyst, input: { ruleId: (await alertRule()).id, paused: true } }),
    "alerts.deleteRule": async () => ({ as: analyst, input: { ruleId: (await alertRule()).id } }),
    "alerts.markRead": async () => ({ as: analyst, input: { alertId: (await alert()).id } }),
    "users.create": async () => ({ as: admin, input: { name: "New Person", email: `${unique("new").replace(" ", ".")}@example.com`, role: "analyst", password: "a-long-password-1" } }),
    "users.setRole": async () => ({ as: admin, input: { userId: (await someone()).id, role: "admin" } }),
    "users.deactivate": async () => ({ as: admin, input: { userId: (await someone()).id } }),
    "users.reactivate": async () => ({ as: admin, input: { userId: (await someone({ banned: true })).id } }),
    "users.resetPassword": async () => ({ as: admin, input: { userId: (await someone()).id, password: "a-long-password-2" } }),
  };

  const lastAuditId = async () => (await t.db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  /** The audit entries written since `after`, with the actor they name. */
  const entriesSince = (after: bigint) => t.db.auditLog.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, select: { actorId: true, action: true, entityType: true, entityId: true, before: true, after: true } });

  it("has a way to perform every mutation of the router", () => {
    const mutations = allProcedures().filter((p) => p.kind === "mutation").map((p) => p.path);
    expect(mutations.length).toBeGreaterThan(40);
    expect(Object.keys(performances).sort()).toEqual(mutations.sort());
  });

  for (const [procedure, perform] of Object.entries(performances)) {
    it(`${procedure}: writes an audit entry naming who did it`, async () => {
      const { as, input } = await perform();
      const before = await lastAuditId();
      await call(procedure, input, as);
      const entries = await entriesSince(before);
      expect(entries.filter((e) => e.actorId === as.id), JSON.stringify(entries)).not.toHaveLength(0);
    });
  }

  it("saved views: create, rename, state, delete each audited with before and after", async () => {
    const team = await ownedTeam();
    const before = await lastAuditId();
    const { id, version } = created.parse(await call("views.create", { name: "Shared view", teamId: team.id, state: { v: 1 } }, analyst));
    await call("views.rename", { id, version, name: "Renamed" }, analyst);
    await call("views.updateState", { id, version: version + 1, state: { v: 1, dyads: ["FRA-MAR"] } }, analyst);
    await call("views.delete", { id }, analyst);
    const trail = (await entriesSince(before)).filter((e) => e.entityType === "SavedView" && e.entityId === id);
    expect(trail).toEqual([
      expect.objectContaining({ action: "CREATE", actorId: analyst.id, before: null, after: expect.objectContaining({ name: "Shared view", teamId: team.id, ownerId: analyst.id }) }),
      expect.objectContaining({ action: "UPDATE", before: { name: "Shared view" }, after: { name: "Renamed" } }),
      expect.objectContaining({ action: "UPDATE", before: { state: expect.objectContaining({ v: 1 }) }, after: { state: expect.objectContaining({ dyads: ["FRA-MAR"] }) } }),
      expect.objectContaining({ action: "DELETE", before: expect.objectContaining({ name: "Renamed", teamId: team.id }), after: null }),
    ]);
  });

  /** A session's cookie header from a sign-in's answer. */
  const cookieOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const signOutRequest = (cookie: string, address: string) =>
    new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: ORIGIN, "x-forwarded-for": address, "content-type": "application/json" }, body: "{}" });

  /**
   * How to perform each write route's writes successfully (app/api/<path>/route.ts); each answers
   * the ids of the users the audit entries must name. The tRPC route's mutations are all walked above.
   */
  const writeRoutes: Record<string, () => Promise<string[]>> = {
    "trpc/[trpc]": async () => {
      await call("feedTokens.create", { name: unique("Reader") }, analyst);
      return [analyst.id];
    },
    "admin/import": async () => {
      const handle = createImportHandler({ db: t.db, auth: t.auth, trustedOrigins: [ORIGIN] });
      const header = "external_id,title,date,date_precision,dyad,actor,target,cameo_code,level,verification,source_1_publisher,source_1_title,source_1_url";
      const file = [header, `audit-imp-1,Ministers meet in Algiers,${daysAgo(4)},DAY,DZA-FRA,DZA,FRA,046,MINISTER,CONFIRMED,APS,Ministers meet,https://www.aps.dz/audit-imp-1`].join("\r\n");
      const response = await handle(new Request(`${ORIGIN}/api/admin/import`, { method: "POST", headers: { ...Object.fromEntries(admin.headers), "content-type": "text/csv" }, body: file }));
      expect(response.status, await response.clone().text()).toBe(200);
      await response.text();
      // Submitted for review instead: a draft per row, each with its DRAFT entry by the admin.
      const before = await lastAuditId();
      const forReview = await handle(
        new Request(`${ORIGIN}/api/admin/import?review=1&file=audit.csv`, { method: "POST", headers: { ...Object.fromEntries(admin.headers), "content-type": "text/csv" }, body: file.replaceAll("audit-imp-1", "audit-imp-2") }),
      );
      expect(await forReview.text()).toContain('"phase":"submitted"');
      expect((await entriesSince(before)).map((e) => [e.action, e.entityType, e.actorId])).toEqual([["DRAFT", "Draft", admin.id]]);
      return [admin.id];
    },
    // Signed out: the token alone stops the rule's e-mail, audited as its owner's change.
    "alerts/unsubscribe": async () => {
      const { id } = await alertRule();
      await t.db.alertRule.update({ where: { id }, data: { email: true } });
      const secret = "audit-coverage-unsubscribe-secret-0123456789";
      const handle = createUnsubscribeHandler({ db: () => t.db, secret: () => secret });
      const response = await handle(new Request(`${ORIGIN}/api/alerts/unsubscribe?token=${unsubscribeToken(id, secret)}`, { method: "POST" }));
      expect(response.status, await response.text()).toBe(200);
      return [analyst.id];
    },
    // Better Auth serves only the routes of AUTH_ROUTES: sign-in and sign-out.
    "auth/[...all]": async () => {
      expect([...AUTH_ROUTES].sort()).toEqual(["/sign-in/email", "/sign-out"]);
      const signedIn = await t.auth.handler(t.signInRequest({ email: "outsider@example.com", password: DEMO_PASSWORD }));
      expect(signedIn.status).toBe(200);
      expect((await t.auth.handler(signOutRequest(cookieOf(signedIn), someAddress()))).status).toBe(200);
      return [outsider.id];
    },
  };

  async function routeFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : Promise.resolve(e.name === "route.ts" ? [path.join(dir, e.name)] : []))));
    return nested.flat();
  }

  it("has a way to perform every write route of app/api", async () => {
    const apiDir = path.join(process.cwd(), "app", "api");
    const writing: string[] = [];
    for (const file of await routeFiles(apiDir)) {
      const source = await readFile(file, "utf8");
      if (/export\s+(?:async\s+)?function\s+(?:POST|PUT|PATCH|DELETE)\b|\bas\s+(?:POST|PUT|PATCH|DELETE)\b/.test(source)) writing.push(path.relative(apiDir, path.dirname(file)));
    }
    expect(writing.sort()).toEqual(Object.keys(writeRoutes).sort());
  });

  for (const [route, perform] of Object.entries(writeRoutes)) {
    it(`/api/${route}: its writes are audited, naming who made them`, async () => {
      const before = await lastAuditId();
      const actors = await perform();
      const named = new Set((await entriesSince(before)).map((e) => e.actorId));
      for (const id of actors) expect(named).toContain(id);
    });
  }

  it("sign-in, failed sign-in and sign-out: each audited with who and from where, never the password", async () => {
    const address = "2001:db8:a0d1:7::1";
    const before = await lastAuditId();
    const failed = await t.auth.handler(t.signInRequest({ email: "Analyst@Example.com", password: "not-the-password" }, address));
    expect(failed.status).toBe(401);
    const signedIn = await t.auth.handler(t.signInRequest({ email: "analyst@example.com", password: DEMO_PASSWORD }, address));
    expect(signedIn.status).toBe(200);
    const cookie = cookieOf(signedIn);
    const session = await t.db.session.findFirstOrThrow({ where: { userId: analyst.id }, orderBy: { createdAt: "desc" }, select: { id: true } });
    const signOut = await t.auth.handler(signOutRequest(cookie, address));
    expect(signOut.status).toBe(200);

    const trail = await entriesSince(before);
    expect(trail).toEqual([
      { actorId: null, action: "SIGN_IN_FAILED", entityType: "Session", entityId: "analyst@example.com", before: null, after: { email: "Analyst@Example.com", address, reason: "INVALID_EMAIL_OR_PASSWORD" } },
      { actorId: analyst.id, action: "SIGN_IN", entityType: "Session", entityId: session.id, before: null, after: { email: "analyst@example.com", address } },
      { actorId: analyst.id, action: "SIGN_OUT", entityType: "Session", entityId: session.id, before: { signedInAt: expect.any(String) }, after: { address } },
    ]);
    expect(JSON.stringify(trail)).not.toContain("not-the-password");
    expect(JSON.stringify(trail)).not.toContain(DEMO_PASSWORD);
  });

  it("a deactivated account's refused sign-in is audited as failed, with the reason", async () => {
    const email = `${unique("gone").replace(" ", ".")}@example.com`;
    await call("users.create", { name: "Gone", email, role: "analyst", password: "a-long-password-1" }, admin);
    await call("users.deactivate", { userId: await idOf(email) }, admin);
    const before = await lastAuditId();
    expect((await t.auth.handler(t.signInRequest({ email, password: "a-long-password-1" }))).status).toBe(403);
    expect(await entriesSince(before)).toEqual([expect.objectContaining({ action: "SIGN_IN_FAILED", entityId: email, after: expect.objectContaining({ email, reason: "ACCOUNT_DEACTIVATED" }) })]);
  });
});
