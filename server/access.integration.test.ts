// Every procedure, over HTTP as the browser calls it, as each kind of caller: the signed-out get
// 401, analysts 403 on admin procedures, and a refusal leaves the database as it was. Every
// answer is also searched for password hashes.
import { describe, expect, it } from "vitest";
import { ORIGIN, passwordHashes, protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { appRouter } from "./root";

describe("who may call what", async () => {
  const t = await useAuthTestDatabase();
  const [analyst, admin] = [await t.signIn("analyst@example.com"), await t.signIn("admin@example.com")];
  const signedOut = new Headers({ origin: ORIGIN });
  const idOf = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const [analystId, outsiderId] = [await idOf("analyst@example.com"), await idOf("outsider@example.com")];
  const target = await t.db.user.create({ data: { name: "Target", email: "target@example.com" }, select: { id: true } });
  const northAfrica = await t.db.team.findUniqueOrThrow({ where: { name: "North Africa desk" }, select: { id: true } });
  const view = (name: string) => t.db.savedView.create({ data: { name, ownerId: analystId, state: { v: 1 }, stateVersion: 1 }, select: { id: true } });
  const [kept, disposable] = [await view("Kept"), await view("Disposable")];
  const hashesBefore = await passwordHashes(t.db);
  const answers: string[] = [];

  /** Sample input for each procedure; admin procedures are called as an admin, the rest as an analyst. */
  const procedures: Record<string, { kind: "query" | "mutation"; input?: unknown; adminOnly?: true; signedOutToo?: true }> = {
    "relations.dyads": { kind: "query" },
    "relations.summary": { kind: "query", input: { dyads: ["FRA-MAR"] } },
    "relations.series": { kind: "query", input: { dyads: ["FRA-MAR"], from: "2025-01-01", to: "2025-06-30" } },
    "relations.seriesUnder": { kind: "query", input: { dyad: "FRA-MAR", version: "1.0.0", from: "2025-01-01", to: "2025-06-30" } },
    "relations.extent": { kind: "query", input: { dyads: ["FRA-MAR"] } },
    "relations.drivers": { kind: "query", input: { dyad: "FRA-MAR" } },
    "relations.volume": { kind: "query", input: { from: "2025-01-01", to: "2025-06-30" } },
    "relations.sensitivity": { kind: "query" },
    "geo.countries": { kind: "query" },
    "events.forMap": { kind: "query", input: { from: "2025-01-01", to: "2025-06-30" } },
    "agreements.list": { kind: "query", input: { limit: 5 } },
    "agreements.byId": { kind: "query", input: { id: "no-such-agreement" } },
    "agreements.sectors": { kind: "query" },
    "agreements.formOptions": { kind: "query", adminOnly: true },
    "agreements.forEdit": { kind: "query", adminOnly: true, input: { id: "no-such-agreement" } },
    "agreements.create": { kind: "mutation", adminOnly: true, input: { title: "" } },
    "agreements.update": { kind: "mutation", adminOnly: true, input: { id: "no-such-agreement", version: 1 } },
    "agreements.archive": { kind: "mutation", adminOnly: true, input: { id: "no-such-agreement", version: 1 } },
    "agreements.restore": { kind: "mutation", adminOnly: true, input: { id: "no-such-agreement", version: 1 } },
    "events.byId": { kind: "query", input: { id: "no-such-event" } },
    "events.formOptions": { kind: "query", adminOnly: true },
    "events.forEdit": { kind: "query", adminOnly: true, input: { id: "no-such-event" } },
    "events.create": { kind: "mutation", adminOnly: true, input: { title: "" } },
    "events.update": { kind: "mutation", adminOnly: true, input: { id: "no-such-event", version: 1 } },
    "events.archive": { kind: "mutation", adminOnly: true, input: { id: "no-such-event", version: 1 } },
    "events.restore": { kind: "mutation", adminOnly: true, input: { id: "no-such-event", version: 1 } },
    "conditions.forEdit": { kind: "query", adminOnly: true, input: { id: "no-such-condition" } },
    "conditions.create": { kind: "mutation", adminOnly: true, input: { title: "" } },
    "conditions.update": { kind: "mutation", adminOnly: true, input: { id: "no-such-condition", version: 1 } },
    "conditions.archive": { kind: "mutation", adminOnly: true, input: { id: "no-such-condition", version: 1 } },
    "conditions.restore": { kind: "mutation", adminOnly: true, input: { id: "no-such-condition", version: 1 } },
    "feedTokens.list": { kind: "query" },
    "feedTokens.create": { kind: "mutation", input: { name: "Access check reader" } },
    "feedTokens.revoke": { kind: "mutation", input: { tokenId: "no-such-token" } },
    "feedTokens.listAll": { kind: "query", adminOnly: true },
    "feedTokens.revokeAny": { kind: "mutation", adminOnly: true, input: { tokenId: "no-such-token" } },
    "feeds.list": { kind: "query", adminOnly: true },
    "feeds.create": { kind: "mutation", adminOnly: true, input: { url: "https://feeds.example/access-check.xml", language: "fr", country: "MAR" } },
    "feeds.setActive": { kind: "mutation", adminOnly: true, input: { id: "no-such-feed", active: false } },
    "feeds.delete": { kind: "mutation", adminOnly: true, input: { id: "no-such-feed" } },
    "feeds.headlines": { kind: "query", adminOnly: true, input: {} },
    "feeds.dismiss": { kind: "mutation", adminOnly: true, input: { id: "no-such-headline" } },
    "feeds.eventDraft": { kind: "query", adminOnly: true, input: { id: "no-such-headline" } },
    "feeds.createEvent": { kind: "mutation", adminOnly: true, input: { headlineId: "no-such-headline", data: { title: "" } } },
    "feeds.keywords": { kind: "query", adminOnly: true },
    "feeds.saveKeywords": { kind: "mutation", adminOnly: true, input: { country: "MAR", fr: ["Maroc"], en: ["Morocco"], ar: ["المغرب"] } },
    "admin.audit": { kind: "query", adminOnly: true, input: {} },
    "jobs.list": { kind: "query", adminOnly: true },
    "jobs.runNow": { kind: "mutation", adminOnly: true, input: { job: "maintenance" } },
    "views.list": { kind: "query" },
    "views.get": { kind: "query", input: { id: kept.id } },
    "views.create": { kind: "mutation", input: { name: "Access check", teamId: null, state: { v: 1 } } },
    "views.rename": { kind: "mutation", input: { id: kept.id, version: 1, name: "Renamed" } },
    "views.updateState": { kind: "mutation", input: { id: kept.id, version: 2, state: { v: 1, dyads: ["FRA-MAR"] } } },
    "views.delete": { kind: "mutation", input: { id: disposable.id } },
    "views.duplicate": { kind: "mutation", input: { id: kept.id } },
    "notes.on": { kind: "query", input: { on: { kind: "event", id: "no-such-event" } } },
    "notes.onDyad": { kind: "query", input: { dyad: "FRA-MAR", from: "2025-01-01", to: "2025-06-30" } },
    "notes.get": { kind: "query", input: { id: "no-such-note" } },
    "notes.create": { kind: "mutation", input: { body: "Access check", teamId: null, on: { kind: "day", dyad: "FRA-MAR", day: "2025-01-02" } } },
    "notes.update": { kind: "mutation", input: { id: "no-such-note", version: 1, body: "Access check", teamId: null } },
    "notes.delete": { kind: "mutation", input: { id: "no-such-note" } },
    "teams.list": { kind: "query" },
    "teams.create": { kind: "mutation", input: { name: "Access check team" } },
    "teams.invite": { kind: "mutation", input: { teamId: northAfrica.id, email: "outsider@example.com" } },
    "teams.cancelInvitation": { kind: "mutation", input: { invitationId: "no-such-invitation" } },
    "teams.myInvitations": { kind: "query" },
    "teams.acceptInvitation": { kind: "mutation", input: { invitationId: "no-such-invitation" } },
    "teams.declineInvitation": { kind: "mutation", input: { invitationId: "no-such-invitation" } },
    "teams.removeMember": { kind: "mutation", input: { teamId: northAfrica.id, userId: outsiderId } },
    "account.me": { kind: "query" },
    "account.changePassword": { kind: "mutation", input: { currentPassword: "not-my-password", newPassword: "another-password-1" } },
    // The sign-in page's language menu: signed out, it sets the browser's cookie and touches no row.
    "account.setLocale": { kind: "mutation", signedOutToo: true, input: { locale: "fr" } },
    "review.queue": { kind: "query", adminOnly: true, input: {} },
    "review.draft": { kind: "query", adminOnly: true, input: { clusterId: "no-such-cluster" } },
    "review.accept": { kind: "mutation", adminOnly: true, input: { clusterId: "no-such-cluster" } },
    "review.acceptEdited": { kind: "mutation", adminOnly: true, input: { clusterId: "no-such-cluster" } },
    "review.reject": { kind: "mutation", adminOnly: true, input: { clusterId: "no-such-cluster", reason: "Access check" } },
    "review.rules": { kind: "query", adminOnly: true },
    "review.setRule": { kind: "mutation", adminOnly: true, input: { dyad: "FRA-MAR", enabled: false, minSources: 3, minGoldstein: 5 } },
    "alerts.rules": { kind: "query" },
    "alerts.channels": { kind: "query" },
    "alerts.createRule": { kind: "mutation", input: { kind: "BAND_CHANGE", dyad: "FRA-MAR" } },
    "alerts.editRule": { kind: "mutation", input: { ruleId: "no-such-rule", version: 1, kind: "BAND_CHANGE", emailOn: false, cadence: "DAILY", hour: 8, weekday: 1, timeZone: "UTC" } },
    "alerts.testWebhook": { kind: "mutation", input: { ruleId: "no-such-rule" } },
    "alerts.deliveries": { kind: "query" },
    "alerts.pauseRule": { kind: "mutation", input: { ruleId: "no-such-rule", paused: true } },
    "alerts.deleteRule": { kind: "mutation", input: { ruleId: "no-such-rule" } },
    "alerts.subscribe": { kind: "mutation", input: { ruleId: "no-such-rule", subscribed: true } },
    "alerts.subscriptionDelivery": { kind: "mutation", input: { ruleId: "no-such-rule", webhookUrl: "", emailOn: false, cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } },
    "alerts.list": { kind: "query" },
    "alerts.unread": { kind: "query" },
    "alerts.markRead": { kind: "mutation", input: { alertId: "no-such-alert" } },
    "drafts.open": { kind: "query", adminOnly: true },
    "drafts.byId": { kind: "query", adminOnly: true, input: { id: "no-such-draft" } },
    "drafts.save": { kind: "mutation", adminOnly: true, input: { type: "Event", data: { title: "" } } },
    "drafts.publish": { kind: "mutation", adminOnly: true, input: { id: "no-such-draft", version: 1 } },
    "drafts.return": { kind: "mutation", adminOnly: true, input: { id: "no-such-draft", version: 1, comment: "Access check" } },
    "drafts.withdraw": { kind: "mutation", adminOnly: true, input: { id: "no-such-draft", version: 1 } },
    "drafts.awaiting": { kind: "query", adminOnly: true },
    "drafts.authors": { kind: "query", adminOnly: true },
    "drafts.publishMany": { kind: "mutation", adminOnly: true, input: { drafts: [{ id: "no-such-draft", version: 1 }] } },
    "drafts.returnMany": { kind: "mutation", adminOnly: true, input: { drafts: [{ id: "no-such-draft", version: 1 }], comment: "Access check" } },
    "drafts.resubmit": { kind: "mutation", adminOnly: true, input: { id: "no-such-draft", version: 1 } },
    "users.list": { kind: "query", adminOnly: true },
    "users.create": { kind: "mutation", adminOnly: true, input: { name: "New Person", email: "new.person@example.com", role: "analyst", password: "a-long-password-1" } },
    "users.setRole": { kind: "mutation", adminOnly: true, input: { userId: target.id, role: "admin" } },
    "users.deactivate": { kind: "mutation", adminOnly: true, input: { userId: target.id } },
    "users.reactivate": { kind: "mutation", adminOnly: true, input: { userId: target.id } },
    "users.resetPassword": { kind: "mutation", adminOnly: true, input: { userId: target.id, password: "a-long-password-2" } },
  };

  async function call(path: string, input: unknown, headers: Headers): Promise<number> {
    const method = procedures[path]?.kind === "query" ? "GET" : "POST";
    const response = await t.api(t.trpcRequest(path, input, { method, headers }));
    answers.push(await response.text());
    return response.status;
  }

  it("lists every procedure of the API here", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, { input, adminOnly, signedOutToo }] of Object.entries(procedures)) {
    const who = signedOutToo ? "lets the signed-out change nothing protected" : adminOnly ? "refuses the signed-out (401) and analysts (403)" : "refuses the signed-out (401)";
    it(`${path}: ${who}, unchanged`, async () => {
      const answered: [Headers, number][] = [[signedOut, signedOutToo ? 200 : 401], ...(adminOnly ? [[analyst, 403] satisfies [Headers, number]] : [])];
      const before = await protectedState(t.db);
      for (const [headers, status] of answered) expect(await call(path, input, headers)).toBe(status);
      expect(await protectedState(t.db)).toEqual(before);

      const allowed = await call(path, input, adminOnly ? admin : analyst);
      expect(allowed, answers.at(-1)).toBeLessThan(500);
      expect([401, 403]).not.toContain(allowed);
    });
  }

  it("never answered with a password hash, nor half of one", async () => {
    expect(answers.length).toBeGreaterThan(40);
    const hashes = [...hashesBefore, ...(await passwordHashes(t.db))];
    expect(hashes.length).toBeGreaterThan(8);
    for (const answer of answers) for (const hash of hashes) expect(answer).not.toContain(hash);
  });
});
