"use client";
// Changing one's password keeps this session and signs out every other one.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";
import { changePasswordInput } from "@/server/users/schemas";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";

export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const trpc = useTRPC();
  const form = useSchemaForm(changePasswordInput, { defaultValues: { currentPassword: "", newPassword: "" }, ...CHECK_ON_SUBMIT });
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onError: (e) => showRefusal(form, e) }));

  const submit = form.handleSubmit((data) => change.mutate(data, { onSuccess: () => form.reset() }));

  return (
    <form onSubmit={submit} className="panel form narrow" aria-label={t("form")} noValidate>
      <Field form={form} name="currentPassword" label={t("current")}>
        {(props) => <input {...props} type="password" autoComplete="current-password" />}
      </Field>
      <Field form={form} name="newPassword" label={t("new")}>
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </Field>
      <FormMessage form={form} />
      {change.isSuccess && <output>{t("changed")}</output>}
      <SubmitButton busy={change.isPending}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
