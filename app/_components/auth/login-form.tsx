"use client";
// Signs in through Better Auth's endpoint, then loads the page the user asked for in full,
// so every server component renders again with the new session.
import { useState, type FormEvent } from "react";
import { signInInput } from "@/server/users/schemas";
import { Field, FormMessage } from "../forms/field";
import { noErrors, validate, type FormErrors } from "../forms/errors";

async function refusal(response: Response): Promise<string> {
  // 401 says the same for an unknown email and a wrong password; 429 and 403 explain themselves.
  if (response.status === 401) return "Wrong email or password.";
  const body: unknown = await response.json().catch(() => null);
  const message = typeof body === "object" && body !== null && "message" in body && typeof body.message === "string" ? body.message : null;
  return message ?? `Sign-in failed (${response.status}). Try again.`;
}

export function LoginForm({ next }: { next: string }) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checked = validate(signInInput, { email: form.get("email"), password: form.get("password") });
    if (checked.errors) return setErrors(checked.errors);
    setPending(true);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(checked.data),
    }).catch(() => null);
    if (response?.ok) return window.location.assign(next);
    setPending(false);
    setErrors({ fields: {}, form: response ? await refusal(response) : "The server cannot be reached. Try again." });
  }

  return (
    <form className="panel form narrow" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <Field label="Email" errors={errors.fields.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="username" required />}
      </Field>
      <Field label="Password" errors={errors.fields.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <FormMessage errors={errors} />
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
