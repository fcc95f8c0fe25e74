"use client";
// Changing one's password keeps this session and signs out every other one.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { changePasswordInput } from "@/server/users/schemas";
import { Field, FormMessage } from "../forms/field";
import { errorsFrom, noErrors, onValidSubmit, type FormErrors } from "../forms/errors";

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onError: (e) => setErrors(errorsFrom(e)) }));

  const submit = onValidSubmit(changePasswordInput, (form) => ({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") }), {
    invalid: setErrors,
    valid: (data, form) => {
      setErrors(noErrors);
      change.mutate(data, { onSuccess: () => form.reset() });
    },
  });

  return (
    <form onSubmit={submit} className="panel form narrow" aria-label="Change password" noValidate>
      <Field label="Current password" errors={errors.fields.currentPassword}>
        {(props) => <input {...props} name="currentPassword" type="password" autoComplete="current-password" />}
      </Field>
      <Field label="New password" errors={errors.fields.newPassword}>
        {(props) => <input {...props} name="newPassword" type="password" autoComplete="new-password" />}
      </Field>
      <FormMessage errors={errors} />
      {change.isSuccess && <output>Password changed. Your other sessions have been signed out.</output>}
      <button type="submit" disabled={change.isPending}>
        Change password
      </button>
    </form>
  );
}
