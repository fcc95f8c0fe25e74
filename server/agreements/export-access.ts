// Who may download the Atom feed and the CSV/JSON exports: which credentials count, with the
// app's gate (server/auth/gate.ts) refusing a reader who has none. Feed readers and scripts cannot hold a session cookie, so a personal feed token (query
// `?token=` or `Authorization: Bearer`) is accepted, and so is a signed-in browser session.
import { requireSignedIn } from "../auth/gate";
import type { Db } from "../db-client";
import { verifyFeedToken } from "../feed-tokens/service";
import type { RefusalDialect } from "../http/errors";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";

const NEEDS_CREDENTIALS = said("exportsNeedCredentials", { query: "?token=<your token>", header: "Authorization: Bearer <token>" });

function bearerToken(headers: Headers): string | null | undefined {
  const header = headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The signed-in user behind a request's session cookie, if any (deactivated users have none). */
export type SessionLookup = (headers: Headers) => Promise<{ userId: string } | null>;

/** The reader's user id; a reader with neither session nor valid token is refused UNAUTHORIZED, with what to do. */
export async function authorizeExport({
  db,
  request,
  session,
}: {
  db: Db;
  request: Request;
  session?: SessionLookup;
}): Promise<{ userId: string }> {
  const fromHeader = bearerToken(request.headers);
  if (fromHeader === null) throw new AppError("UNAUTHORIZED", said("bearerHeader", { form: "`Bearer <feed token>`" }));
  const token = fromHeader ?? new URL(request.url).searchParams.get("token");
  if (!token) return requireSignedIn(await session?.(request.headers), { signIn: NEEDS_CREDENTIALS });
  const check = await verifyFeedToken({ db, token });
  if (!check.ok) throw new AppError("UNAUTHORIZED", check.reason);
  return { userId: check.userId };
}

/** Feed readers and scripts read `{ error, reason }` (the reason in the request's language); a 401 also says how to authenticate. */
export const exportDialect: RefusalDialect = {
  body: (error, speak) => ({ error: error.code.toLowerCase(), reason: speak(error.message) }),
  headers: (error): Record<string, string> => (error.code === "UNAUTHORIZED" ? { "WWW-Authenticate": 'Bearer realm="maghreb-monitor"' } : {}),
};
