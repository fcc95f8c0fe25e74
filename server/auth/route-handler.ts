// /api/auth/*: Better Auth's handler behind a body-size cap (sign-in bodies are a few hundred bytes).
import { BODY_LIMITS, withBodyLimit } from "../http/request-limits";
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from "../shared/unavailable";
import type { Auth } from "./auth";

/**
 * `databaseAnswers` guards sign-out: Better Auth answers it with success even when it could not
 * delete the session (PostgreSQL away), clearing the cookie while the session stays valid for
 * hours. With the database away the user is told so, and keeps a cookie they can sign out with later.
 */
export function createAuthRouteHandler(auth: Auth, databaseAnswers: () => Promise<boolean>) {
  return async (incoming: Request): Promise<Response> => {
    const req = await withBodyLimit(incoming, BODY_LIMITS.auth);
    if (req instanceof Response) return req;
    if (new URL(req.url).pathname.endsWith("/sign-out") && !(await databaseAnswers())) {
      return Response.json(
        { message: DATABASE_UNAVAILABLE_MESSAGE, code: "DATABASE_UNAVAILABLE" },
        { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
      );
    }
    return auth.handler(req);
  };
}
