"use client";
// A team with its members; owners and admins invite people (who join by accepting) and remove
// members. Anyone may start a team.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { createTeamInput, inviteInput } from "@/server/teams/schemas";
import type { TeamSummary } from "@/server/teams/service";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { useFormat } from "../use-format";

export function TeamCard({ team }: { team: TeamSummary }) {
  const t = useTranslations("views.teams");
  const format = useFormat();
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
      <h2 dir="auto">{team.name}</h2>
      <ul aria-label={t("members", { team: team.name })}>
        {team.members.map((member) => (
          <li key={member.id}>
            <span dir="auto">{member.name}</span> ({member.email}){member.role === "OWNER" ? ` · ${t("owner")}` : ""}
            {team.canManage && (
              <>
                {" "}
                <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ teamId: team.id, userId: member.id })}>
                  {t("remove", { name: member.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {team.invitations.length > 0 && (
        <ul aria-label={t("invitationsTo", { team: team.name })}>
          {team.invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.email} · {t("pending", { who: invitation.invitedBy?.name ?? t("formerUser"), until: format.day(invitation.expiresAt) })}{" "}
              <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate({ invitationId: invitation.id })}>
                {t("cancelInvitation", { email: invitation.email })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {team.canManage && (
        <form onSubmit={submitInvite} className="inline-form" aria-label={t("inviteLabel", { team: team.name })} noValidate>
          <Field form={form} name="email" label={t("email")}>
            {(props) => <input {...props} type="email" maxLength={254} />}
          </Field>
          <SubmitButton busy={invite.isPending}>
            {t("invite")}
          </SubmitButton>
        </form>
      )}
      {notice && <output className="notice">{notice}</output>}
      <FormMessage form={form} hidden="userId" />
    </li>
  );
}

export function CreateTeamForm() {
  const t = useTranslations("views.teams");
  const trpc = useTRPC();
  const form = useSchemaForm(createTeamInput, { defaultValues: { name: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const create = useMutation(trpc.teams.create.mutationOptions(options));

  const submit = form.handleSubmit((data) => create.mutate(data, { onSuccess: () => form.reset() }));

  return (
    <form onSubmit={submit} className="panel form narrow" aria-label={t("create")} noValidate>
      <h2>{t("create")}</h2>
      <Field form={form} name="name" label={t("name")}>
        {(props) => <input {...props} maxLength={80} />}
      </Field>
      <FormMessage form={form} />
      <SubmitButton busy={create.isPending}>
        {t("createButton")}
      </SubmitButton>
    </form>
  );
}
