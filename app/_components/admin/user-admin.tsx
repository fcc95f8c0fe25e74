"use client";
// User management for admins: create accounts, set roles, deactivate, reset passwords.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Role } from "@/server/generated/prisma/enums";
import { createUserInput, resetPasswordInput } from "@/server/users/schemas";
import type { UserSummary } from "@/server/users/service";
import { Field, FormMessage } from "../forms/field";
import { onValidSubmit } from "../forms/errors";
import { useRefreshingMutation } from "../forms/use-refreshing-mutation";

function RoleOptions() {
  return Object.values(Role).map((role) => (
    <option key={role} value={role}>
      {role}
    </option>
  ));
}

function UserRow({ user, isMe }: { user: UserSummary; isMe: boolean }) {
  const trpc = useTRPC();
  const { errors, setErrors, options } = useRefreshingMutation();
  const [resetting, setResetting] = useState(false);
  const setRole = useMutation(trpc.users.setRole.mutationOptions(options));
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions(options));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions(options));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions(options));

  const submitReset = onValidSubmit(resetPasswordInput, (form) => ({ userId: user.id, password: form.get("password") }), {
    invalid: setErrors,
    valid: (data) => reset.mutate(data, { onSuccess: () => setResetting(false) }),
  });

  return (
    <tr>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={isMe || setRole.isPending}
          onChange={(e) => setRole.mutate({ userId: user.id, role: e.target.value === "admin" ? "admin" : "analyst" })}
        >
          <RoleOptions />
        </select>
      </td>
      <td>{user.banned ? "deactivated" : "active"}</td>
      <td className="actions">
        {!isMe &&
          (user.banned ? (
            <button type="button" onClick={() => reactivate.mutate({ userId: user.id })}>
              Reactivate {user.name}
            </button>
          ) : (
            <button type="button" onClick={() => deactivate.mutate({ userId: user.id })}>
              Deactivate {user.name}
            </button>
          ))}
        {resetting ? (
          <form onSubmit={submitReset} className="inline-form" aria-label={`Reset the password of ${user.name}`} noValidate>
            <Field label="New password" errors={errors.fields.password}>
              {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
            </Field>
            <button type="submit" disabled={reset.isPending}>
              Reset password
            </button>
          </form>
        ) : (
          <button type="button" onClick={() => setResetting(true)}>
            Reset password of {user.name}
          </button>
        )}
        <FormMessage errors={{ form: errors.form ?? errors.fields.userId?.[0] }} />
      </td>
    </tr>
  );
}

export function UserTable({ users, myId }: { users: UserSummary[]; myId: string }) {
  return (
    <table className="panel table">
      <caption className="visually-hidden">Users</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <UserRow key={user.id} user={user} isMe={user.id === myId} />
        ))}
      </tbody>
    </table>
  );
}

export function CreateUserForm() {
  const trpc = useTRPC();
  const { errors, setErrors, options } = useRefreshingMutation();
  const create = useMutation(trpc.users.create.mutationOptions(options));

  const submit = onValidSubmit(
    createUserInput,
    (form) => ({ name: form.get("name"), email: form.get("email"), role: form.get("role"), password: form.get("password") }),
    { invalid: setErrors, valid: (data, form) => create.mutate(data, { onSuccess: () => form.reset() }) },
  );

  return (
    <form onSubmit={submit} className="panel form narrow" aria-label="Create a user" noValidate>
      <h2>Create a user</h2>
      <Field label="Name" errors={errors.fields.name}>
        {(props) => <input {...props} name="name" maxLength={100} />}
      </Field>
      <Field label="Email" errors={errors.fields.email}>
        {(props) => <input {...props} name="email" type="email" maxLength={254} autoComplete="off" />}
      </Field>
      <Field label="Role" errors={errors.fields.role}>
        {(props) => (
          <select {...props} name="role" defaultValue="analyst">
            <RoleOptions />
          </select>
        )}
      </Field>
      <Field label="Password" errors={errors.fields.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <FormMessage errors={errors} />
      <button type="submit" disabled={create.isPending}>
        Create user
      </button>
    </form>
  );
}
