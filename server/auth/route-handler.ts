// /api/auth/*: Better Auth's handler behind a body-size cap (sign-in bodies are a few hundred bytes).
import "server-only";
import { authUnavailableResponse } from "../http/errors";
import { BODY_LIMITS, withBodyLimit } from "../http/request-limits";
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
    if (new URL(req.url).pathname.endsWith("/sign-out") && !(await databaseAnswers())) return authUnavailableResponse();
    return auth.handler(req);
  };
}
