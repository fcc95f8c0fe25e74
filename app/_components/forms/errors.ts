// The dashboard filter bar's own checking (FormData read by hand): it leaves with that filter bar,
// which is being replaced. Every other form uses schema-form.ts and form-fields.tsx.
import { z } from "zod";

export interface FormErrors {
  form?: string;
  fields: Record<string, string[] | undefined>;
}

export const noErrors: FormErrors = { fields: {} };

/** Validates with the schema of the state the filter bar writes. */
export function validate<T>(schema: z.ZodType<T>, values: unknown): { data: T; errors?: undefined } | { data?: undefined; errors: FormErrors } {
  const result = schema.safeParse(values);
  return result.success ? { data: result.data } : { errors: { fields: z.flattenError(result.error).fieldErrors } };
}
