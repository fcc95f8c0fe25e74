// For load balancers and uptime checks: 200 when the database answers, 503 when it does not.
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503 });
  }
}
