"use client";
// A team with its members; owners and admins invite people (who join by accepting) and remove
// members. Anyone may start a team.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { isoDayOf } from "@/server/scope/day";
import { createTeamInput, inviteInput } from "@/server/teams/schemas";
import type { TeamSummary } from "@/server/teams/service";
import { Field, FormMessage } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";

export function TeamCard({ team }: { team: TeamSummary }) {
  const trpc = useTRPC();
  // The card's one form: inviting, whose top message also reports the Remove and Cancel buttons.
  const form = useSchemaForm(inviteInput, { defaultValues: { teamId: team.id, email: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const [notice, setNotice] = useState<string | null>(null);
  const invite = useMutation(trpc.teams.invite.mutationOptions(options));
  const cancel = useMutation(trpc.teams.cancelInvitation.mutationOptions(options));
  const remove = useMutation(trpc.teams.removeMember.mutationOptions(options));

  const submitInvite = form.handleSubmit((data) =>
    invite.mutate(data, {
      onSuccess: (answer) => {
        setNotice(answer.notice);
        form.reset();
      },
    }),
  );

  return (
    <li className="card">
      <h2>{team.name}</h2>
      <ul aria-label={`Members of ${team.name}`}>
        {team.members.map((member) => (
          <li key={member.id}>
            {member.name} ({member.email}){member.role === "OWNER" ? " · owner" : ""}
            {team.canManage && (
              <>
                {" "}
                <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ teamId: team.id, userId: member.id })}>
                  Remove {member.name}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {team.invitations.length > 0 && (
        <ul aria-label={`Invitations to ${team.name}`}>
          {team.invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.email} · invited by {invitation.invitedBy?.name ?? "a former user"} · open until {isoDayOf(invitation.expiresAt)}{" "}
              <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate({ invitationId: invitation.id })}>
                Cancel invitation of {invitation.email}
              </button>
            </li>
          ))}
        </ul>
      )}
      {team.canManage && (
        <form onSubmit={submitInvite} className="inline-form" aria-label={`Invite someone to ${team.name}`} noValidate>
          <Field form={form} name="email" label="Email">
            {(props) => <input {...props} type="email" maxLength={254} />}
          </Field>
          <button type="submit" disabled={invite.isPending}>
            Invite
          </button>
        </form>
      )}
      {notice && <output className="notice">{notice}</output>}
      <FormMessage form={form} hidden="userId" />
    </li>
  );
}

export function CreateTeamForm() {
  const trpc = useTRPC();
  const form = useSchemaForm(createTeamInput, { defaultValues: { name: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const create = useMutation(trpc.teams.create.mutationOptions(options));

  const submit = form.handleSubmit((data) => create.mutate(data, { onSuccess: () => form.reset() }));

  return (
    <form onSubmit={submit} className="panel form narrow" aria-label="Create a team" noValidate>
      <h2>Create a team</h2>
      <Field form={form} name="name" label="Team name">
        {(props) => <input {...props} maxLength={80} />}
      </Field>
      <FormMessage form={form} />
      <button type="submit" disabled={create.isPending}>
        Create team
      </button>
    </form>
  );
}
