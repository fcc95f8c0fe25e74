"use client";
// A team with its members; owners and admins add and remove them. Anyone may start a team.
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { addMemberInput, createTeamInput } from "@/server/teams/schemas";
import type { TeamSummary } from "@/server/teams/service";
import { Field, FormMessage } from "../forms/field";
import { onValidSubmit } from "../forms/errors";
import { useRefreshingMutation } from "../forms/use-refreshing-mutation";

export function TeamCard({ team }: { team: TeamSummary }) {
  const trpc = useTRPC();
  const { errors, setErrors, options } = useRefreshingMutation();
  const add = useMutation(trpc.teams.addMember.mutationOptions(options));
  const remove = useMutation(trpc.teams.removeMember.mutationOptions(options));

  const submitAdd = onValidSubmit(addMemberInput, (form) => ({ teamId: team.id, email: form.get("email") }), {
    invalid: setErrors,
    valid: (data, form) => add.mutate(data, { onSuccess: () => form.reset() }),
  });

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
      {team.canManage && (
        <form onSubmit={submitAdd} className="inline-form" aria-label={`Add a member to ${team.name}`} noValidate>
          <Field label="Email" errors={errors.fields.email}>
            {(props) => <input {...props} name="email" type="email" maxLength={254} />}
          </Field>
          <button type="submit" disabled={add.isPending}>
            Add member
          </button>
        </form>
      )}
      <FormMessage errors={{ form: errors.form ?? errors.fields.userId?.[0] }} />
    </li>
  );
}

export function CreateTeamForm() {
  const trpc = useTRPC();
  const { errors, setErrors, options } = useRefreshingMutation();
  const create = useMutation(trpc.teams.create.mutationOptions(options));

  const submit = onValidSubmit(createTeamInput, (form) => ({ name: form.get("name") }), {
    invalid: setErrors,
    valid: (data, form) => create.mutate(data, { onSuccess: () => form.reset() }),
  });

  return (
    <form onSubmit={submit} className="panel form narrow" aria-label="Create a team" noValidate>
      <h2>Create a team</h2>
      <Field label="Team name" errors={errors.fields.name}>
        {(props) => <input {...props} name="name" maxLength={80} />}
      </Field>
      <FormMessage errors={errors} />
      <button type="submit" disabled={create.isPending}>
        Create team
      </button>
    </form>
  );
}
