// Accounts over their whole life: created by an admin, deactivated (sessions end at once),
// passwords reset by an admin or changed by their owner; and teams, managed by their owners.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { useAuthTestDatabase } from "@/scripts/test/auth";
import { DEACTIVATED_MESSAGE } from "../auth/auth";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);

const t = await useAuthTestDatabase();
const admin = await t.callerAs("admin@example.com");
const signInStatus = async (email: string, password: string) => (await t.auth.handler(t.signInRequest({ email, password }))).status;

/** Each test works on an account of its own, created the way an admin does it. */
async function newAnalyst(name: string): Promise<{ id: string; email: string; password: string }> {
  const email = `${name}@example.com`;
  const password = `${name}-first-password`;
  const { id } = await admin.users.create({ name, email, role: "analyst", password });
  return { id, email, password };
}

describe("user management", () => {
  it("creates users who can then sign in, once per email, and audits it without the password", async () => {
    const created = await admin.users.create({ name: "Nour Analyst", email: "Nour@Example.com", role: "analyst", password: "nour-first-password" });
    expect(created).toMatchObject({ email: "nour@example.com", role: "analyst", banned: false });
    expect(await signInStatus("nour@example.com", "nour-first-password")).toBe(200);
    const again = await admin.users.create({ name: "Nour", email: "nour@example.com", role: "admin", password: "another-password" }).catch((e: unknown) => e);
    expect(codeOf(again)).toBe("CONFLICT");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "CREATE" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/nour-first-password|[0-9a-f]{32}/);
  });

  it("ends a deactivated user's sessions at once and keeps them from signing in", async () => {
    const user = await newAnalyst("deactivated");
    const headers = await t.signIn(user.email, user.password);
    expect((await (await t.callerWith(headers)).account.me()).email).toBe(user.email);

    await admin.users.deactivate({ userId: user.id });
    expect(await refusal((await t.callerWith(headers)).account.me())).toBe("UNAUTHORIZED");
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    const refused = await t.auth.handler(t.signInRequest({ email: user.email, password: user.password }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toBe(DEACTIVATED_MESSAGE);

    await admin.users.reactivate({ userId: user.id });
    expect(await signInStatus(user.email, user.password)).toBe(200);
  });

  it("sets roles, but keeps an admin from demoting or deactivating themselves", async () => {
    const user = await newAnalyst("promoted");
    const adminId = (await admin.account.me()).id;
    expect((await admin.users.setRole({ userId: user.id, role: "admin" })).role).toBe("admin");
    expect((await (await t.callerAs(user.email, user.password)).users.list()).length).toBeGreaterThan(4);
    expect(await refusal(admin.users.setRole({ userId: adminId, role: "analyst" }))).toBe("BAD_REQUEST");
    expect(await refusal(admin.users.deactivate({ userId: adminId }))).toBe("BAD_REQUEST");
    expect(await refusal(admin.users.setRole({ userId: "no-such-user", role: "admin" }))).toBe("NOT_FOUND");
  });

  it("resets a password, signing its user out everywhere", async () => {
    const user = await newAnalyst("forgetful");
    const headers = await t.signIn(user.email, user.password);
    await admin.users.resetPassword({ userId: user.id, password: "forgetful-new-password" });
    expect(await refusal((await t.callerWith(headers)).account.me())).toBe("UNAUTHORIZED");
    expect(await signInStatus(user.email, user.password)).toBe(401);
    expect(await signInStatus(user.email, "forgetful-new-password")).toBe(200);
  });

  it("lets users change their own password, keeping this session and ending the others", async () => {
    const user = await newAnalyst("careful");
    const [here, elsewhere] = [await t.signIn(user.email, user.password), await t.signIn(user.email, user.password)];
    const me = await t.callerWith(here);
    const wrong = await me.account.changePassword({ currentPassword: "not-it-at-all", newPassword: "careful-new-password" }).catch((e: unknown) => e);
    expect(codeOf(wrong)).toBe("BAD_REQUEST");
    expect(wrong instanceof TRPCError && wrong.message).toBe("This is not your current password.");

    await me.account.changePassword({ currentPassword: user.password, newPassword: "careful-new-password" });
    expect((await (await t.callerWith(here)).account.me()).email).toBe(user.email);
    expect(await refusal((await t.callerWith(elsewhere)).account.me())).toBe("UNAUTHORIZED");
    expect(await signInStatus(user.email, "careful-new-password")).toBe(200);
  });

  it("counts wrong current passwords like failed sign-ins", async () => {
    const user = await newAnalyst("guessed");
    const me = await t.callerWith(await t.signIn(user.email, user.password));
    const guess = (n: number) => refusal(me.account.changePassword({ currentPassword: `guess-${n}`, newPassword: "guessed-new-password" }));
    for (let n = 0; n < 5; n++) expect(await guess(n)).toBe("BAD_REQUEST");
    expect(await guess(5)).toBe("TOO_MANY_REQUESTS");
    expect(await signInStatus(user.email, user.password)).toBe(429);
  });

  it("refuses a short password with a field message", async () => {
    const error = await admin.users.create({ name: "Short", email: "short@example.com", role: "analyst", password: "short" }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("BAD_REQUEST");
  });
});

describe("teams", () => {
  const members = async () => {
    const [owner, member, outsider] = [await t.callerAs("analyst@example.com"), await t.callerAs("analyst2@example.com"), await t.callerAs("outsider@example.com")];
    const team = (await owner.teams.list())[0];
    if (!team) throw new Error("the analyst has no team");
    return { owner, member, outsider, team, outsiderId: (await outsider.account.me()).id };
  };

  it("lists my teams with their members; admins see every team", async () => {
    const { outsider, team } = await members();
    expect(team.name).toBe("North Africa desk");
    expect(team.members.map((m) => m.email)).toEqual(["analyst@example.com", "analyst2@example.com"]);
    expect((await outsider.teams.list()).map((each) => each.name)).toEqual(["Sahel desk"]);
    expect((await admin.teams.list()).map((each) => each.name)).toEqual(["North Africa desk", "Sahel desk"]);
  });

  it("are managed by their owners and admins; members get FORBIDDEN, outsiders NOT_FOUND", async () => {
    const { owner, member, outsider, team, outsiderId } = await members();
    expect(await refusal(member.teams.invite({ teamId: team.id, email: "outsider@example.com" }))).toBe("FORBIDDEN");
    expect(await refusal(outsider.teams.invite({ teamId: team.id, email: "outsider@example.com" }))).toBe("NOT_FOUND");
    const invited = await owner.teams.invite({ teamId: team.id, email: "OUTSIDER@example.com" });
    expect(invited.team.invitations.map((i) => i.email)).toContain("outsider@example.com");
    const [invitation] = await outsider.teams.myInvitations();
    if (!invitation) throw new Error("the outsider sees no invitation");
    await outsider.teams.acceptInvitation({ invitationId: invitation.id });
    expect((await owner.teams.list())[0]?.members.map((m) => m.email)).toContain("outsider@example.com");
    const removed = await admin.teams.removeMember({ teamId: team.id, userId: outsiderId });
    expect(removed.members.map((m) => m.email)).not.toContain("outsider@example.com");
  });

  it("keep their last owner, and are created with their creator as owner", async () => {
    const { owner, member, team } = await members();
    const ownerId = (await owner.account.me()).id;
    expect(await refusal(owner.teams.removeMember({ teamId: team.id, userId: ownerId }))).toBe("BAD_REQUEST");
    const created = await member.teams.create({ name: "Maghreb energy" });
    expect(created).toMatchObject({ myRole: "OWNER", canManage: true });
    expect(await refusal(owner.teams.create({ name: "Maghreb energy" }))).toBe("CONFLICT");
  });
});

describe("the interface language", () => {
  it("keeps a signed-in user's choice on the account, audited once per change, and brings it back at sign-in", async () => {
    const user = await newAnalyst("polyglot");
    const headers = await t.signIn(user.email, user.password);
    const caller = await t.callerWith(headers);
    await caller.account.setLocale({ locale: "fr" });
    await caller.account.setLocale({ locale: "fr" });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } })).toEqual({ locale: "fr" });
    const entries = await t.db.auditLog.findMany({ where: { entityId: user.id, action: "UPDATE" }, select: { before: true, after: true } });
    expect(entries).toEqual([{ before: { locale: null }, after: { locale: "fr" } }]);

    const signedIn = await t.auth.handler(t.signInRequest({ email: user.email, password: user.password }));
    expect(signedIn.headers.getSetCookie().some((cookie) => /^NEXT_LOCALE=fr;/.test(cookie))).toBe(true);
  });

  it("sets no language cookie at sign-in for an account without a choice", async () => {
    const user = await newAnalyst("monoglot");
    const signedIn = await t.auth.handler(t.signInRequest({ email: user.email, password: user.password }));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.getSetCookie().some((cookie) => cookie.startsWith("NEXT_LOCALE="))).toBe(false);
  });

  it("refuses a language it does not speak", async () => {
    const user = await newAnalyst("klingon");
    const caller = await t.callerWith(await t.signIn(user.email, user.password));
    expect(await refusal(caller.account.setLocale({ locale: "tlh" as "fr" }))).toBe("BAD_REQUEST");
  });
});
