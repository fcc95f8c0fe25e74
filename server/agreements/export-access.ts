// Who may download the Atom feed and the CSV/JSON exports: the one place that decides it.
// Feed readers and scripts cannot hold a session cookie, so a personal feed token (query
// `?token=` or `Authorization: Bearer`) is accepted, and so is a signed-in browser session.
import type { Db } from "../db-client";
import { verifyFeedToken } from "../feed-tokens/service";

export type ExportAccess = { ok: true; userId: string } | { ok: false; reason: string };

function bearerToken(headers: Headers): string | null | undefined {
  const header = headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The signed-in user behind a request's session cookie, if any (deactivated users have none). */
export type SessionLookup = (headers: Headers) => Promise<{ userId: string } | null>;

export async function authorizeExport({
  db,
  request,
  session,
}: {
  db: Db;
  request: Request;
  session?: SessionLookup;
}): Promise<ExportAccess> {
  const fromHeader = bearerToken(request.headers);
  if (fromHeader === null) return { ok: false, reason: "The Authorization header must read `Bearer <feed token>`." };
  const token = fromHeader ?? new URL(request.url).searchParams.get("token");
  if (!token) {
    const signedIn = await session?.(request.headers);
    if (signedIn) return { ok: true, userId: signedIn.userId };
    return {
      ok: false,
      reason: "Exports need a session or a personal feed token: sign in, add ?token=<your token> to the address, or send Authorization: Bearer <token>.",
    };
  }
  const check = await verifyFeedToken({ db, token });
  return check.ok ? { ok: true, userId: check.userId } : check;
}

export function unauthorizedResponse(reason: string): Response {
  return Response.json(
    { error: "unauthorized", reason },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="maghreb-monitor"', "Cache-Control": "no-store" } },
  );
}
