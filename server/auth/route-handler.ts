// /api/auth/*: Better Auth's handler behind a body-size cap (sign-in bodies are a few hundred bytes).
import { BODY_LIMITS, withBodyLimit } from "../http/request-limits";
import type { Auth } from "./auth";

export function createAuthRouteHandler(auth: Auth) {
  return async (incoming: Request): Promise<Response> => {
    const req = await withBodyLimit(incoming, BODY_LIMITS.auth);
    return req instanceof Response ? req : auth.handler(req);
  };
}
