"use client";
// The one way a form is built here: react-hook-form checking with the procedure's own zod input
// schema (imported from server/<domain>/schemas, never copied), and the server's refusals put
// back on the fields they name (tRPC's data.fieldErrors, from the same schema or a service).
import { zodResolver } from "@hookform/resolvers/zod";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useForm, type FieldPath, type FieldValues, type UseFormProps, type UseFormReturn, type UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import type { AppRouter } from "@/server/root";
import { said } from "@/server/shared/said";
import { useHydrated } from "../use-hydrated";

/**
 * A form checked by `schema`; it hands the schema's parsed output to its submit handler. Its fields
 * are disabled until hydration: react-hook-form sets each field to its default value when it
 * registers it, so what a user typed before would be wiped as the page came to life.
 */
export function useSchemaForm<Input extends FieldValues, Output>(schema: z.ZodType<Output, Input>, options: Omit<UseFormProps<Input, unknown, Output>, "resolver">) {
  const hydrated = useHydrated();
  return useForm<Input, unknown, Output>({ ...options, disabled: Boolean(options.disabled) || !hydrated, resolver: zodResolver(schema) });
}

/**
 * For the small forms (sign-in, account, users, teams, views): checked only when sent, so a message
 * stays until the next send and the focus stays where the user left it. The record forms recheck
 * a field as it changes and move the focus to the first refused one (react-hook-form's defaults).
 */
export const CHECK_ON_SUBMIT = { reValidateMode: "onSubmit", shouldFocusError: false } as const;

/** The API's error data (field messages, a stale save's current record), when the error came from it. */
export function apiErrorData(error: unknown) {
  return error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data : undefined;
}

/**
 * Sets the server's field messages on the form (an update's paths start with "data.", the form's
 * do not) and returns the message for the top of the form: none when the fields say it (a zod
 * refusal's own message is a JSON dump of its issues).
 */
export function showServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string | undefined {
  const fields = apiErrorData(error)?.fieldErrors ?? {};
  for (const [field, messages] of Object.entries(fields)) {
    if (messages?.[0]) setError(field.replace(/^data\./, "") as FieldPath<T>, { message: messages[0] });
  }
  if (Object.keys(fields).length > 0) return undefined;
  return error instanceof Error ? error.message : said("somethingWentWrong");
}

/** A small form's refusal: field messages on their fields, the rest at its top (see FormMessage). */
export function showRefusal<T extends FieldValues>(form: Pick<UseFormReturn<T, unknown, unknown>, "setError">, error: unknown) {
  const message = showServerErrors(error, form.setError);
  if (message) form.setError("root.server", { message });
}

/**
 * Mutation options for a form on a server-rendered page: a success clears the form's messages and
 * renders the page's server data again; a refusal lands on the form.
 */
export function useRefreshingMutation<T extends FieldValues>(form: Pick<UseFormReturn<T, unknown, unknown>, "setError" | "clearErrors">) {
  const router = useRouter();
  return {
    onSuccess: () => {
      form.clearErrors();
      router.refresh();
    },
    onError: (error: unknown) => showRefusal(form, error),
  };
}
