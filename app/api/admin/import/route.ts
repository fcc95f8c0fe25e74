// The CSV import: ?dryRun=1 previews, without it the file is imported (server/import/handler.ts).
import { getAuth, getAuthSettings } from "@/server/auth/app-auth";
import { getDb } from "@/server/db";
import { createImportHandler } from "@/server/import/handler";

export const dynamic = "force-dynamic";

let handle: ((req: Request) => Promise<Response>) | undefined;

export function POST(req: Request) {
  // Made on the first request, not at import: `next build` loads this module without a database.
  handle ??= createImportHandler({ db: getDb(), auth: getAuth(), trustedOrigins: getAuthSettings().trustedOrigins });
  return handle(req);
}
