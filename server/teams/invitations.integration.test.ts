// Team membership by invitation: the inviter learns nothing about accounts, nobody joins a team
// without accepting, invitations end (answered, cancelled, expired, capped), and every step is audited.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { useAuthTestDatabase } from "@/scripts/test/auth";
import { defaultViewState } from "../views/state";
import { INVITATION_DAYS, INVITED_NOTICE, invite, MAX_OPEN_INVITATIONS_PER_TEAM } from "./invitations";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);
const fieldErrorsOf = (e: unknown) => (e instanceof TRPCError && e.cause && "fields" in e.cause ? e.cause.fields : null);
const DAY_MS = 24 * 60 * 60_000;

describe("team invitations", async () => {
  const t = await useAuthTestDatabase();
  const admin = await t.callerAs("admin@example.com");
  const adminUser = await admin.account.me();

  /** A team of its own for each test, owned by a new analyst, and the person to invite. */
  async function setUp(name: string) {
    const create = async (who: string) => {
      const email = `${who}@example.com`;
      const { id } = await admin.users.create({ name: who, email, role: "analyst", password: `${who}-first-password` });
      return { id, email, caller: await t.callerAs(email, `${who}-first-password`) };
    };
    const owner = await create(`${name}-owner`);
    const invitee = await create(`${name}-invitee`);
    const team = await owner.caller.teams.create({ name: `${name} desk` });
    return { owner, invitee, team, create };
  }

  const entriesOf = (entityType: string, entityId: string) => t.db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });

  it("answers the inviter the same, and stores the same, whether or not the address has an account", async () => {
    const { owner, invitee, team } = await setUp("oracle");
    const withAccount = await owner.caller.teams.invite({ teamId: team.id, email: invitee.email });
    const without = await owner.caller.teams.invite({ teamId: team.id, email: "no-account-here@example.com" });
    expect(withAccount.notice).toBe(INVITED_NOTICE);
    expect(without.notice).toBe(INVITED_NOTICE);
    const shape = (i: { email: string; invitedBy: unknown; expiresAt: Date }) => ({ invitedBy: i.invitedBy, days: Math.round((i.expiresAt.getTime() - Date.now()) / DAY_MS) });
    const [first, second] = without.team.invitations;
    if (!first || !second) throw new Error("both invitations should be listed");
    expect(without.team.invitations.map((i) => i.email)).toEqual([invitee.email, "no-account-here@example.com"]);
    expect(shape(first)).toEqual(shape(second));
    const rows = await t.db.teamInvitation.findMany({ where: { teamId: team.id }, orderBy: { createdAt: "asc" }, omit: { id: true, email: true, createdAt: true, expiresAt: true } });
    expect(rows[0]).toEqual(rows[1]);
    const audits = await Promise.all([first.id, second.id].map(async (id) => (await entriesOf("TeamInvitation", id)).map((e) => [e.action, e.actorId])));
    expect(audits[0]).toEqual(audits[1]);
    // Inviting an address again keeps the one open invitation.
    await owner.caller.teams.invite({ teamId: team.id, email: "no-account-here@example.com" });
    expect(await t.db.teamInvitation.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("makes nobody a member before they accept: not listed, not a place to share views", async () => {
    const { owner, invitee, team } = await setUp("consent");
    await owner.caller.teams.invite({ teamId: team.id, email: invitee.email });
    expect((await invitee.caller.teams.list()).map((each) => each.name)).not.toContain(team.name);
    expect(await refusal(invitee.caller.views.create({ name: "Too soon", teamId: team.id, state: defaultViewState }))).not.toBe("allowed");
    expect(await t.db.membership.count({ where: { teamId: team.id, userId: invitee.id } })).toBe(0);

    const [invitation] = await invitee.caller.teams.myInvitations();
    expect(invitation).toMatchObject({ team: { id: team.id, name: team.name }, invitedBy: { name: "consent-owner", email: owner.email } });
    if (!invitation) throw new Error("unreachable");
    expect(await invitee.caller.teams.acceptInvitation({ invitationId: invitation.id })).toEqual({ teamId: team.id, team: team.name });
    expect((await invitee.caller.teams.list()).find((each) => each.id === team.id)?.myRole).toBe("MEMBER");
    expect((await invitee.caller.views.create({ name: "Now shared", teamId: team.id, state: defaultViewState })).name).toBe("Now shared");
    expect(await invitee.caller.teams.myInvitations()).toEqual([]);
    expect(await refusal(invitee.caller.teams.acceptInvitation({ invitationId: invitation.id }))).toBe("BAD_REQUEST");
  });

  it("lets the invitee decline, after which the invitation cannot be accepted", async () => {
    const { owner, invitee, team } = await setUp("decline");
    await owner.caller.teams.invite({ teamId: team.id, email: invitee.email });
    const [invitation] = await invitee.caller.teams.myInvitations();
    if (!invitation) throw new Error("no invitation");
    await invitee.caller.teams.declineInvitation({ invitationId: invitation.id });
    const refused = await invitee.caller.teams.acceptInvitation({ invitationId: invitation.id }).catch((e: unknown) => e);
    expect(fieldErrorsOf(refused)).toEqual({ invitationId: ["This invitation was already declined."] });
    expect(await t.db.membership.count({ where: { teamId: team.id, userId: invitee.id } })).toBe(0);
  });

  it(`expires after ${INVITATION_DAYS} days: no longer shown, refused on accept`, async () => {
    const { owner, invitee, team } = await setUp("expiry");
    const ownerUser = await owner.caller.account.me();
    await invite({ db: t.db, user: ownerUser, teamId: team.id, email: invitee.email, now: new Date(Date.now() - (INVITATION_DAYS + 1) * DAY_MS) });
    expect(await invitee.caller.teams.myInvitations()).toEqual([]);
    expect((await owner.caller.teams.list()).find((each) => each.id === team.id)?.invitations).toEqual([]);
    const stale = await t.db.teamInvitation.findFirstOrThrow({ where: { teamId: team.id } });
    const refused = await invitee.caller.teams.acceptInvitation({ invitationId: stale.id }).catch((e: unknown) => e);
    expect(fieldErrorsOf(refused)).toEqual({ invitationId: [expect.stringMatching(/^This invitation expired on \d{4}-\d{2}-\d{2}: ask for a new one\.$/)] });
    // A fresh invitation may then be sent.
    await owner.caller.teams.invite({ teamId: team.id, email: invitee.email });
    expect(await invitee.caller.teams.myInvitations()).toHaveLength(1);
  });

  it("is cancelled by its inviter or the team's owners; a plain member cannot, nor anyone else accept it", async () => {
    const { owner, invitee, team, create } = await setUp("cancel");
    const member = await create("cancel-member");
    await owner.caller.teams.invite({ teamId: team.id, email: member.email });
    const [membership] = await member.caller.teams.myInvitations();
    if (!membership) throw new Error("no invitation");
    await member.caller.teams.acceptInvitation({ invitationId: membership.id });

    const invited = await owner.caller.teams.invite({ teamId: team.id, email: invitee.email });
    const invitation = invited.team.invitations.find((i) => i.email === invitee.email);
    if (!invitation) throw new Error("no invitation listed");
    expect(await refusal(member.caller.teams.invite({ teamId: team.id, email: "friend@example.com" }))).toBe("FORBIDDEN");
    expect(await refusal(member.caller.teams.cancelInvitation({ invitationId: invitation.id }))).toBe("FORBIDDEN");
    expect(await refusal(member.caller.teams.acceptInvitation({ invitationId: invitation.id }))).toBe("NOT_FOUND");
    expect(await owner.caller.teams.cancelInvitation({ invitationId: invitation.id })).toEqual({ cancelled: true });
    expect(await invitee.caller.teams.myInvitations()).toEqual([]);
    expect(await refusal(invitee.caller.teams.acceptInvitation({ invitationId: invitation.id }))).toBe("BAD_REQUEST");
    expect(await refusal(owner.caller.teams.cancelInvitation({ invitationId: "no-such-invitation" }))).toBe("NOT_FOUND");
    expect((await entriesOf("TeamInvitation", invitation.id)).map((e) => [e.action, e.actorId, e.after])).toEqual([
      ["CREATE", owner.id, expect.objectContaining({ email: invitee.email, team: team.name })],
      ["UPDATE", owner.id, expect.objectContaining({ status: "CANCELLED" })],
    ]);
  });

  it("refuses to invite a member on the email field", async () => {
    const { owner, team } = await setUp("member");
    const refused = await owner.caller.teams.invite({ teamId: team.id, email: owner.email.toUpperCase() }).catch((e: unknown) => e);
    expect(fieldErrorsOf(refused)).toEqual({ email: ["This person is already a member of the team."] });
  });

  it(`keeps ${MAX_OPEN_INVITATIONS_PER_TEAM} open invitations per team at most, refused on the email field`, async () => {
    const { owner, team } = await setUp("capped");
    const expiresAt = new Date(Date.now() + DAY_MS);
    await t.db.teamInvitation.createMany({ data: Array.from({ length: MAX_OPEN_INVITATIONS_PER_TEAM }, (_, i) => ({ teamId: team.id, email: `guest${i}@example.com`, expiresAt })) });
    const refused = await owner.caller.teams.invite({ teamId: team.id, email: "one-too-many@example.com" }).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(refused)).toEqual({ email: [expect.stringContaining(`${MAX_OPEN_INVITATIONS_PER_TEAM} open invitations`)] });
    expect(await t.db.teamInvitation.count({ where: { teamId: team.id, email: "one-too-many@example.com" } })).toBe(0);
  });

  it("audits an admin joining a team: the invitation, the acceptance and the membership name them", async () => {
    const { team } = await setUp("audited");
    const invited = await admin.teams.invite({ teamId: team.id, email: adminUser.email });
    const invitation = invited.team.invitations[0];
    if (!invitation) throw new Error("no invitation");
    await admin.teams.acceptInvitation({ invitationId: invitation.id });
    const membershipId = `${team.id}:${adminUser.id}`;
    expect((await entriesOf("TeamInvitation", invitation.id)).map((e) => [e.action, e.actorId])).toEqual([["CREATE", adminUser.id], ["UPDATE", adminUser.id]]);
    const [joined] = await entriesOf("Membership", membershipId);
    expect(joined).toMatchObject({ action: "CREATE", actorId: adminUser.id, after: expect.objectContaining({ email: adminUser.email, team: team.name, role: "MEMBER" }) });

    await admin.teams.removeMember({ teamId: team.id, userId: adminUser.id });
    expect((await entriesOf("Membership", membershipId)).map((e) => e.action)).toEqual(["CREATE", "DELETE"]);
    expect(await t.db.auditLog.count({ where: { entityType: "Team", entityId: team.id, action: "CREATE" } })).toBe(1);
  });
});
