// /api/auth/*: Better Auth's handler behind a body-size cap (sign-in bodies are a few hundred bytes).
import "server-only";
import { authBadRequestResponse, authUnavailableResponse } from "../http/errors";
import { BODY_LIMITS, withBodyLimit } from "../http/request-limits";
import { pathOfUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "../shared/storable-text";
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
    const unstorable = await unstorableTextIn(req);
    if (unstorable) return authBadRequestResponse(`Text ${UNSTORABLE_TEXT_MESSAGE} (at ${JSON.stringify(unstorable.join("."))}).`);
    return auth.handler(req);
  };
}

/**
 * The path of a string PostgreSQL cannot store in a JSON body (an email with a NUL reached the
 * sign-in throttle's key and failed there as a 500), as the tRPC endpoint refuses it too.
 */
async function unstorableTextIn(req: Request): Promise<string[] | null> {
  if (req.method !== "POST" || !req.headers.get("content-type")?.includes("json")) return null;
  try {
    return pathOfUnstorableText(JSON.parse(await req.clone().text()));
  } catch {
    return null; // not JSON: Better Auth refuses it itself
  }
}
