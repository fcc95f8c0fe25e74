// The CSV import: ?dryRun=1 previews, without it the file is imported (server/import/handler.ts).
import { getAuth, getAuthSettings } from "@/server/auth/app-auth";
import { getDb } from "@/server/db";
import { wroteCookie } from "@/server/db-replica";
import { createImportHandler } from "@/server/import/handler";

export const dynamic = "force-dynamic";

let handle: ((req: Request) => Promise<Response>) | undefined;

export async function POST(req: Request) {
  // Made on the first request, not at import: `next build` loads this module without a database.
  handle ??= createImportHandler({ db: getDb(), auth: getAuth(), trustedOrigins: getAuthSettings().trustedOrigins });
  const response = await handle(req);
  // An import writes: with a read replica, this browser reads from the primary until the replica has the rows.
  if (process.env.DATABASE_REPLICA_URL && new URL(req.url).searchParams.get("dryRun") !== "1") response.headers.append("set-cookie", wroteCookie());
  return response;
}
