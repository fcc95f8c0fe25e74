// Errors a write can end with, shaped so that forms put them on the right field.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";

/** A refusal that names the form field it is about, shown next to that field. */
export class FieldErrors extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super(Object.values(fields).flat().join(" "));
  }
}

export function fieldError(code: TRPC_ERROR_CODE_KEY, field: string, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new FieldErrors({ [field]: [message] }) });
}


/** Someone saved the record since the editor loaded it: refuse, and say what it holds now. */
export class StaleVersionError extends Error {
  constructor(
    readonly current: { version: number; values: unknown; updatedAt: Date },
  ) {
    super("This record was changed by someone else since you opened it.");
  }
}

export function staleVersion(current: StaleVersionError["current"]): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: "This record was changed since you opened it: review the changes, then save again.", cause: new StaleVersionError(current) });
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The per-field messages an error carries, keyed by the field's dotted path ("amounts.0.currency",
 * "data.title"), so a form can put each on the control it is about. Null when it names no field.
 */
export function fieldMessagesOf(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof FieldErrors) return cause.fields;
  if (!(cause instanceof ZodError)) return null;
  // A Map, not an object: a path can hold a client's key ("constructor", "__proto__"), which
  // would hit Object.prototype and which superjson refuses to send; such paths are dropped.
  const fields = new Map<string, string[]>();
  for (const issue of cause.issues) {
    const keys = issue.path.map(String);
    if (keys.length === 0 || keys.some((key) => UNSAFE_KEYS.has(key))) continue;
    const path = keys.join(".");
    fields.set(path, [...(fields.get(path) ?? []), issue.message]);
  }
  return Object.fromEntries(fields);
}
