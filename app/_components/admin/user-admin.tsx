"use client";
// User management for admins: create accounts, set roles, deactivate, reset passwords.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Role } from "@/server/generated/prisma/enums";
import { createUserInput, resetPasswordInput } from "@/server/users/schemas";
import type { UserSummary } from "@/server/users/service";
import { ColumnHeads } from "../column-heads";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { useHydrated } from "../use-hydrated";

function RoleOptions() {
  const t = useTranslations("admin.controls.users");
  return Object.values(Role).map((role) => (
    <option key={role} value={role}>
      {t(`roles.${role}`)}
    </option>
  ));
}

function UserRow({ user, isMe }: { user: UserSummary; isMe: boolean }) {
  const t = useTranslations("admin.controls.users");
  const trpc = useTRPC();
  // The row's one form: the password reset, whose top message also reports the row's buttons.
  const form = useSchemaForm(resetPasswordInput, { defaultValues: { userId: user.id, password: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const [resetting, setResetting] = useState(false);
  // A role chosen before hydration would reach no handler and be put back at hydration.
  const hydrated = useHydrated();
  const setRole = useMutation(trpc.users.setRole.mutationOptions(options));
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions(options));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions(options));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions(options));

  const submitReset = form.handleSubmit((data) => reset.mutate(data, { onSuccess: () => setResetting(false) }));

  return (
    <tr>
      <td dir="auto">{user.name}</td>
      <td dir="auto">{user.email}</td>
      <td>
        <select
          aria-label={t("roleOf", { name: user.name })}
          value={user.role}
          disabled={!hydrated || isMe || setRole.isPending}
          onChange={(e) => setRole.mutate({ userId: user.id, role: e.target.value === "admin" ? "admin" : "analyst" })}
        >
          <RoleOptions />
        </select>
      </td>
      <td>{user.banned ? t("deactivated") : t("active")}</td>
      <td className="actions">
        {!isMe &&
          (user.banned ? (
            <button type="button" onClick={() => reactivate.mutate({ userId: user.id })}>
              {t("reactivate", { name: user.name })}
            </button>
          ) : (
            <button type="button" onClick={() => deactivate.mutate({ userId: user.id })}>
              {t("deactivate", { name: user.name })}
            </button>
          ))}
        {resetting ? (
          <form onSubmit={submitReset} className="inline-form" aria-label={t("resetForm", { name: user.name })} noValidate>
            <Field form={form} name="password" label={t("newPassword")}>
              {(props) => <input {...props} type="password" autoComplete="new-password" />}
            </Field>
            <SubmitButton busy={reset.isPending}>
              {t("reset")}
            </SubmitButton>
          </form>
        ) : (
          <button
            type="button"
            onClick={() => {
              // An empty field each time, not the password set last time.
              form.setValue("password", "");
              setResetting(true);
            }}
          >
            {t("resetOf", { name: user.name })}
          </button>
        )}
        <FormMessage form={form} hidden="userId" />
      </td>
    </tr>
  );
}

export function UserTable({ users, myId }: { users: UserSummary[]; myId: string }) {
  const t = useTranslations("admin.controls.users");
  return (
    <table className="panel table">
      <caption className="visually-hidden">{t("caption")}</caption>
      <ColumnHeads columns={[t("name"), t("email"), t("role"), t("status"), t("actions")]} />
      <tbody>
        {users.map((user) => (
          <UserRow key={user.id} user={user} isMe={user.id === myId} />
        ))}
      </tbody>
    </table>
  );
}

export function CreateUserForm() {
  const t = useTranslations("admin.controls.users");
  const trpc = useTRPC();
  const form = useSchemaForm(createUserInput, { defaultValues: { name: "", email: "", role: "analyst", password: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const create = useMutation(trpc.users.create.mutationOptions(options));

  const submit = form.handleSubmit((data) => create.mutate(data, { onSuccess: () => form.reset() }));

  return (
    <form onSubmit={submit} className="panel form narrow" aria-label={t("createForm")} noValidate>
      <h2>{t("createForm")}</h2>
      <Field form={form} name="name" label={t("name")}>
        {(props) => <input {...props} maxLength={100} />}
      </Field>
      <Field form={form} name="email" label={t("email")}>
        {(props) => <input {...props} type="email" maxLength={254} autoComplete="off" />}
      </Field>
      <Field form={form} name="role" label={t("role")}>
        {(props) => (
          <select {...props}>
            <RoleOptions />
          </select>
        )}
      </Field>
      <Field form={form} name="password" label={t("password")}>
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </Field>
      <FormMessage form={form} />
      <SubmitButton busy={create.isPending}>
        {t("create")}
      </SubmitButton>
    </form>
  );
}
