// agreements.atom: the agreements list filtered by the same query parameters as /agreements.
import { exportAgreements } from "@/server/agreements/exports";
import { sessionUserOf } from "@/server/auth/session-lookup";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return exportAgreements({ db: getDb(), request, format: "atom", session: sessionUserOf });
}
