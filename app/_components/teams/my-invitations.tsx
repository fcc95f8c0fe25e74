"use client";
// Invitations addressed to me: the team, who invited me, until when; I join only by accepting.
import { useTranslations } from "next-intl";
import { useTRPCClient } from "@/app/_trpc/client";
import { useFormat } from "../use-format";
import { ActionError, useRefreshingAction } from "../refreshing-action";

export interface InvitationForMe {
  id: string;
  expiresAt: Date;
  team: { id: string; name: string };
  invitedBy: { name: string; email: string } | null;
}

function InvitationRow({ invitation }: { invitation: InvitationForMe }) {
  const t = useTranslations("views.teams");
  const format = useFormat();
  const client = useTRPCClient();
  const { run, pending, error } = useRefreshingAction();
  const { id, team, invitedBy } = invitation;
  return (
    <li className="card">
      <strong dir="auto">{team.name}</strong>:{" "}
      {t("invitedBy", { who: invitedBy ? `${invitedBy.name} (${invitedBy.email})` : t("formerUser"), until: format.day(invitation.expiresAt) })}{" "}
      <button type="button" disabled={pending} onClick={() => run(() => client.teams.acceptInvitation.mutate({ invitationId: id }))}>
        {t("join", { team: team.name })}
      </button>{" "}
      <button type="button" disabled={pending} onClick={() => run(() => client.teams.declineInvitation.mutate({ invitationId: id }))}>
        {t("decline", { team: team.name })}
      </button>
      <ActionError error={error} />
    </li>
  );
}

export function MyInvitations({ invitations }: { invitations: InvitationForMe[] }) {
  const t = useTranslations("views.teams");
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t("invitations")}</h2>
      <p className="meta">{t("invitationsNote")}</p>
      <ul className="card-list" aria-label={t("invitations")}>
        {invitations.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} />
        ))}
      </ul>
    </section>
  );
}
