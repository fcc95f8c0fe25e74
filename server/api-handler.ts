// The tRPC HTTP endpoint, as a function of its parts so integration tests drive it with real
// Requests. Queries travel as GET and change nothing; every POST (a mutation) must come from
// one of our own pages: a cross-site form or script carries another Origin, or none.
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Auth } from "./auth/auth";
import { hasTrustedOrigin } from "./auth/settings";
import type { Db } from "./db-client";
import { appRouter } from "./root";
import { errorResponse, trpcDialect } from "./http/errors";
import { BODY_LIMITS, MAX_BATCH_SIZE, withBodyLimit } from "./http/request-limits";
import { AppError } from "./shared/errors";
import { retryAfterOf } from "./shared/unavailable";
import { createContext } from "./trpc";
import { compressedOnce } from "./http/compressed-once";
import { said } from "./shared/said";
import { localeOfRequest } from "./i18n/negotiate";
import { API_CONTENT_SECURITY_POLICY, securityHeaders, securitySettingsOf } from "./http/security-headers";

export const CROSS_SITE_MESSAGE = said("crossSite");

interface ApiParts {
  db: Db;
  replica?: Db;
  auth: Auth;
  trustedOrigins: readonly string[];
}

export function createApiHandler(parts: ApiParts) {
  // Set here, not by proxy.ts, which skips the app's most frequent requests (see its matcher).
  const defences = securityHeaders(securitySettingsOf(process.env), API_CONTENT_SECURITY_POLICY);
  const answer = createAnswer(parts);
  return async (incoming: Request): Promise<Response> => {
    const response = await answer(incoming);
    for (const [name, value] of Object.entries(defences)) response.headers.set(name, value);
    return response;
  };
}

function createAnswer(parts: ApiParts) {
  return async (incoming: Request): Promise<Response> => {
    if (incoming.method !== "GET" && !hasTrustedOrigin(incoming.headers, parts.trustedOrigins)) {
      return errorResponse(new AppError("FORBIDDEN", CROSS_SITE_MESSAGE), trpcDialect, localeOfRequest(incoming.headers));
    }
    const req = await withBodyLimit(incoming, BODY_LIMITS.api);
    if (req instanceof Response) return req;
    const answer = () =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        req,
        router: appRouter,
        maxBatchSize: MAX_BATCH_SIZE,
        createContext: ({ resHeaders }) => createContext({ db: parts.db, replica: parts.replica, resHeaders, auth: parts.auth, headers: req.headers }),
        // A 503 (database away, or every pooled connection busy) says when to try again.
        responseMeta({ errors }) {
          const waits = errors.flatMap((e) => (e.code === "SERVICE_UNAVAILABLE" && e.cause instanceof AppError ? [retryAfterOf(e.cause)] : []));
          return waits.length ? { headers: { "Retry-After": String(Math.max(...waits)) } } : {};
        },
        onError({ error, path }) {
          if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error.cause ?? error);
        },
      });
    // A shared answer (the index's, the feed's pages) is gzipped once, not per request.
    return compressedOnce(req, answer);
  };
}
