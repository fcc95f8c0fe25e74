// /api/auth/*: Better Auth's handler behind a body-size cap (sign-in bodies are a few hundred bytes).
import "server-only";
import { authBadRequestResponse, authUnavailableResponse } from "../http/errors";
import { localeOfRequest, speakerFor } from "../i18n/spoken";
import { BODY_LIMITS, withBodyLimit } from "../http/request-limits";
import { pathOfUnstorableText, unstorableTextRefusal } from "../shared/storable-text";
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
    if (new URL(req.url).pathname.endsWith("/sign-out") && !(await databaseAnswers())) return authUnavailableResponse(req.headers);
    const unstorable = await unstorableTextIn(req);
    if (unstorable) return authBadRequestResponse(unstorableTextRefusal(unstorable), req.headers);
    return inReadersWords(await auth.handler(req), req.headers);
  };
}

/**
 * Better Auth's refusals carry the app's sentences (too many attempts, a deactivated account, the
 * database away: said through `said`), but Better Auth cannot know the reader's language: they are
 * put in it here, as the tRPC formatter does for procedures. Anything else passes as it is.
 */
async function inReadersWords(response: Response, headers: Headers): Promise<Response> {
  const locale = localeOfRequest(headers);
  if (response.ok || locale === "en" || !response.headers.get("content-type")?.includes("json")) return response;
  const body: unknown = await response.clone().json().catch(() => null);
  if (typeof body !== "object" || body === null || !("message" in body) || typeof body.message !== "string") return response;
  const spoken = { ...body, message: speakerFor(locale)(body.message) };
  const answer = new Headers(response.headers);
  answer.delete("content-length");
  return new Response(JSON.stringify(spoken), { status: response.status, statusText: response.statusText, headers: answer });
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
