"use client";
// Invitations addressed to me: the team, who invited me, until when; I join only by accepting.
import { useTRPCClient } from "@/app/_trpc/client";
import { isoDayOf } from "@/server/scope/day";
import { ActionError, useRefreshingAction } from "../refreshing-action";

export interface InvitationForMe {
  id: string;
  expiresAt: Date;
  team: { id: string; name: string };
  invitedBy: { name: string; email: string } | null;
}

function InvitationRow({ invitation }: { invitation: InvitationForMe }) {
  const client = useTRPCClient();
  const { run, pending, error } = useRefreshingAction();
  const { id, team, invitedBy } = invitation;
  return (
    <li className="card">
      <strong>{team.name}</strong>: invited by {invitedBy ? `${invitedBy.name} (${invitedBy.email})` : "a former user"}, open until{" "}
      {isoDayOf(invitation.expiresAt)}.{" "}
      <button type="button" disabled={pending} onClick={() => run(() => client.teams.acceptInvitation.mutate({ invitationId: id }))}>
        Join {team.name}
      </button>{" "}
      <button type="button" disabled={pending} onClick={() => run(() => client.teams.declineInvitation.mutate({ invitationId: id }))}>
        Decline {team.name}
      </button>
      <ActionError error={error} />
    </li>
  );
}

export function MyInvitations({ invitations }: { invitations: InvitationForMe[] }) {
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations for you</h2>
      <p className="meta">You join a team, and see the views shared with it, only once you accept.</p>
      <ul className="card-list" aria-label="Invitations for you">
        {invitations.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} />
        ))}
      </ul>
    </section>
  );
}
