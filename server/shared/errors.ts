// The one error the app's services and domain modules throw: a code for what went wrong, a
// sentence for the user, and, for forms, the fields it is about. Nothing here knows tRPC or HTTP:
// server/trpc.ts maps the code to tRPC's, server/http/errors.ts to an HTTP status.
import { ZodError } from "zod";
import { said } from "./said";

export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNPROCESSABLE_CONTENT"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE";

export class AppError extends Error {
  override readonly name = "AppError";
  /** Messages keyed by a form field's dotted path, shown next to that field; null when it names none. */
  readonly fields: Record<string, string[]> | null;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: { fields?: Record<string, string[]>; cause?: unknown } = {},
  ) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.fields = options.fields ?? null;
  }
}

/** A refusal that names the form fields it is about. */
export class FieldErrors extends AppError {
  constructor(fields: Record<string, string[]>, code: AppErrorCode = "BAD_REQUEST") {
    super(code, Object.values(fields).flat().join(" "), { fields });
  }
}

export function fieldError(code: AppErrorCode, field: string, message: string): AppError {
  return new FieldErrors({ [field]: [message] }, code);
}

/** What a record holds now, sent with a version conflict so the editor can show the changes. */
export interface StaleRecord {
  version: number;
  values: unknown;
  updatedAt: Date;
}

/** Someone saved the record since the editor loaded it: refuse, and say what it holds now. */
export class StaleVersionError extends AppError {
  constructor(readonly current: StaleRecord) {
    super("CONFLICT", said("staleRecord"));
  }
}

export function staleVersion(current: StaleRecord): AppError {
  return new StaleVersionError(current);
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The per-field messages an error carries, keyed by the field's dotted path ("amounts.0.currency",
 * "data.title"), so a form can put each on the control it is about, each put in the reader's words by
 * `speak` (server/i18n/spoken.ts). Null when it names no field.
 */
export function fieldMessagesOf(cause: unknown, speak: (message: string) => string = (message) => message): Record<string, string[]> | null {
  if (cause instanceof AppError) return cause.fields && Object.fromEntries(Object.entries(cause.fields).map(([path, messages]) => [path, messages.map(speak)]));
  if (!(cause instanceof ZodError)) return null;
  // A Map, not an object: a path can hold a client's key ("constructor", "__proto__"), which
  // would hit Object.prototype and which superjson refuses to send; such paths are dropped.
  const fields = new Map<string, string[]>();
  for (const issue of cause.issues) {
    const keys = issue.path.map(String);
    if (keys.length === 0 || keys.some((key) => UNSAFE_KEYS.has(key))) continue;
    const path = keys.join(".");
    fields.set(path, [...(fields.get(path) ?? []), speak(issue.message)]);
  }
  return Object.fromEntries(fields);
}
