import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyInvitations } from "../_components/teams/my-invitations";
import { CreateTeamForm, TeamCard } from "../_components/teams/team-panel";
import { isAdmin } from "@/server/auth/permissions";
import { requireUser } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("views.teams"))("title") };
}

export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const user = await requireUser();
  const caller = await serverCaller();
  const [teams, invitations, t] = await Promise.all([caller.teams.list(), caller.teams.myInvitations(), getTranslations("views.teams")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <MyInvitations invitations={invitations} />
      <p className="meta">{isAdmin(user) ? t("introAdmin") : t("intro")}</p>
      {teams.length === 0 ? <p className="empty">{t("empty")}</p> : null}
      <ul className="card-list" aria-label={t("title")}>
        {teams.map((team) => (
          <TeamCard key={team.id} team={team} />
        ))}
      </ul>
      <CreateTeamForm />
    </>
  );
}
