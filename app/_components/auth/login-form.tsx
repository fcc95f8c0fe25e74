"use client";
// Signs in through Better Auth's endpoint, then loads the page the user asked for in full,
// so every server component renders again with the new session.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { safeNextPath } from "@/server/auth/paths";
import { signInInput } from "@/server/users/schemas";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, useSchemaForm } from "../forms/schema-form";

type SignInWords = ReturnType<typeof useTranslations<"auth.signIn">>;

async function refusal(response: Response, t: SignInWords): Promise<string> {
  // 401 says the same for an unknown email and a wrong password; 429 and 403 explain themselves.
  if (response.status === 401) return t("wrongCredentials");
  const body: unknown = await response.json().catch(() => null);
  const message = typeof body === "object" && body !== null && "message" in body && typeof body.message === "string" ? body.message : null;
  return message ?? t("failed", { status: response.status });
}

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("auth.signIn");
  const form = useSchemaForm(signInInput, { defaultValues: { email: "", password: "" }, ...CHECK_ON_SUBMIT });
  // Not the form's isSubmitting: the button stays "Signing in…" until the next page has loaded.
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (data) => {
    setPending(true);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(data),
    }).catch(() => null);
    // The page passed a checked target; checked again here, so no caller can hand this form an off-site one.
    if (response?.ok) return window.location.assign(safeNextPath(next));
    setPending(false);
    form.setError("root.server", { message: response ? await refusal(response, t) : t("unreachable") });
  });

  return (
    <form className="panel form narrow" onSubmit={submit} noValidate aria-label={t("title")}>
      <Field form={form} name="email" label={t("email")}>
        {(props) => <input {...props} type="email" autoComplete="username" required />}
      </Field>
      <Field form={form} name="password" label={t("password")}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required />}
      </Field>
      <FormMessage form={form} />
      <SubmitButton busy={pending}>
        {pending ? t("pending") : t("submit")}
      </SubmitButton>
    </form>
  );
}
