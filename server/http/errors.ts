// Route handlers (imports, exports, feeds, Better Auth's wrapper) answer an app error through
// here: the one table from code to HTTP status. Each family of routes keeps the body its clients
// already read, so the dialect is a parameter; the status never is.
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { localeOfRequest, speakerFor } from "../i18n/spoken";
import { AppError, type AppErrorCode } from "../shared/errors";
import { databaseUnavailable, isDatabaseUnavailable, isPoolBusy, retryAfterOf } from "../shared/unavailable";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** How a family of routes words a refusal: its body (`speak` puts a sentence in the request's language), and any header the status calls for. */
export interface RefusalDialect {
  body(error: AppError, speak: (message: string) => string): unknown;
  headers?(error: AppError): Record<string, string>;
}

/** The app's own routes (CSV import): `{ error: "<sentence>" }`. */
export const sentenceDialect: RefusalDialect = { body: (error, speak) => ({ error: speak(error.message) }) };

/** tRPC's shape, for refusals made before tRPC runs (cross-site, body too large), so its client reads them. */
export const trpcDialect: RefusalDialect = { body: (error, speak) => ({ error: { message: speak(error.message), code: error.code } }) };

/** An app error as a response: its status, the dialect's body in `locale`, and never cached. */
export function errorResponse(error: AppError, dialect: RefusalDialect = sentenceDialect, locale: Locale = DEFAULT_LOCALE): Response {
  return Response.json(dialect.body(error, speakerFor(locale)), {
    status: HTTP_STATUS[error.code],
    headers: { "Cache-Control": "no-store", ...dialect.headers?.(error) },
  });
}

const retryLater = (error: AppError) => ({ "Retry-After": String(retryAfterOf(error)) });

/**
 * A database outage, as every route outside tRPC answers it: 503, the reason, and when to retry;
 * `cause` tells a full pool ("busy") from an outage.
 */
export function unavailableResponse(cause?: unknown): Response {
  const error = databaseUnavailable(cause);
  return errorResponse(error, { body: () => ({ error: isPoolBusy(error) ? "busy" : "unavailable", reason: error.message }), headers: retryLater });
}

/** Better Auth's shape (`{ message, code }`), for refusals made in front of its routes. */
const authDialect = (code: string): RefusalDialect => ({ body: (error, speak) => ({ message: speak(error.message), code }) });

/** The same outage in Better Auth's shape, for its sign-out, in the language of the request whose `headers` are given. */
export function authUnavailableResponse(headers?: Headers): Response {
  return errorResponse(databaseUnavailable(), { ...authDialect("DATABASE_UNAVAILABLE"), headers: retryLater }, localeOfRequest(headers));
}

/** A refused body in Better Auth's shape: 400 with the reason, in the language of the request whose `headers` are given. */
export function authBadRequestResponse(message: string, headers?: Headers): Response {
  return errorResponse(new AppError("BAD_REQUEST", message), authDialect("BAD_REQUEST"), localeOfRequest(headers));
}

/**
 * Runs a route handler: a database outage answers 503 instead of a 500 that reads like a bug, an
 * app error its status in the route's dialect, in the language of the request whose `headers` are
 * given; anything else is a bug and propagates.
 */
export async function answering(handle: () => Promise<Response>, dialect: RefusalDialect = sentenceDialect, headers?: Headers): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailableResponse(error);
    if (error instanceof AppError) return errorResponse(error, dialect, localeOfRequest(headers));
    throw error;
  }
}
