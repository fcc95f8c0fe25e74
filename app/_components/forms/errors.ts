// Form errors from either side: the zod schema run in the browser, or the server's answer
// (our tRPC error shape carries the same per-field messages).
import { TRPCClientError } from "@trpc/client";
import { z } from "zod";
import type { AppRouter } from "@/server/root";

export interface FormErrors {
  form?: string;
  fields: Record<string, string[] | undefined>;
}

export const noErrors: FormErrors = { fields: {} };

function isApiError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

export function errorsFrom(error: unknown): FormErrors {
  if (error instanceof z.ZodError) return { fields: z.flattenError(error).fieldErrors };
  if (isApiError(error)) {
    const fields = error.data?.fieldErrors ?? {};
    // A zod refusal's message is a JSON dump of its issues; the fields say it better.
    const form = Object.keys(fields).length > 0 ? undefined : error.message;
    return { form, fields };
  }
  return { form: error instanceof Error ? error.message : "Something went wrong. Try again.", fields: {} };
}

/** Validates with the procedure's own schema before sending anything. */
export function validate<T>(schema: z.ZodType<T>, values: unknown): { data: T; errors?: undefined } | { data?: undefined; errors: FormErrors } {
  const result = schema.safeParse(values);
  return result.success ? { data: result.data } : { errors: errorsFrom(result.error) };
}

/**
 * A form's submit handler: reads its fields, checks them with the procedure's schema, and either
 * shows what is wrong or hands the parsed values on (with the form, to reset it afterwards).
 */
export function onValidSubmit<T>(
  schema: z.ZodType<T>,
  read: (form: FormData) => Record<string, unknown>,
  handlers: { invalid: (errors: FormErrors) => void; valid: (data: T, form: HTMLFormElement) => void },
) {
  return (event: { preventDefault(): void; currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = validate(schema, read(new FormData(form)));
    if (checked.errors) handlers.invalid(checked.errors);
    else handlers.valid(checked.data, form);
  };
}
