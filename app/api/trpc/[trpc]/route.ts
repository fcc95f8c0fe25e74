import { createApiHandler } from "@/server/api-handler";
import { getAuth, getAuthSettings } from "@/server/auth/app-auth";
import { getDb, getReplicaDb } from "@/server/db";

let handle: ((req: Request) => Promise<Response>) | undefined;

function handler(req: Request) {
  // Made on the first request, not at import: `next build` loads this module without a database.
  handle ??= createApiHandler({ db: getDb(), replica: getReplicaDb(), auth: getAuth(), trustedOrigins: getAuthSettings().trustedOrigins });
  return handle(req);
}

export { handler as GET, handler as POST };
