// alerts.atom: the reader's own alerts, for a feed reader holding one of their feed tokens.
import { alertsFeed } from "@/server/alerts/atom";
import { sessionUserOf } from "@/server/auth/session-lookup";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return alertsFeed({ db: getDb(), request, session: sessionUserOf });
}
