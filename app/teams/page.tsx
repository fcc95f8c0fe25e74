import type { Metadata } from "next";
import { MyInvitations } from "../_components/teams/my-invitations";
import { CreateTeamForm, TeamCard } from "../_components/teams/team-panel";
import { isAdmin } from "@/server/auth/permissions";
import { requireUser } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const user = await requireUser();
  const caller = await serverCaller();
  const [teams, invitations] = await Promise.all([caller.teams.list(), caller.teams.myInvitations()]);
  return (
    <>
      <h1>Teams</h1>
      <MyInvitations invitations={invitations} />
      <p className="meta">{isAdmin(user) ? "Every team (you manage them as an admin)." : "The teams you belong to. Views shared with a team are read by all its members."}</p>
      {teams.length === 0 ? <p className="empty">You are in no team yet.</p> : null}
      <ul className="card-list" aria-label="Teams">
        {teams.map((team) => (
          <TeamCard key={team.id} team={team} />
        ))}
      </ul>
      <CreateTeamForm />
    </>
  );
}
