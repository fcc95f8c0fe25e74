// Better Auth's endpoints: sign-in, sign-out, session. It checks Origin on every POST itself.
import { getAuth } from "@/server/auth/app-auth";
import { getDb } from "@/server/db";
import { createAuthRouteHandler } from "@/server/auth/route-handler";

export const dynamic = "force-dynamic";

let handle: ((req: Request) => Promise<Response>) | undefined;

function handler(req: Request) {
  // Made on the first request, not at import: `next build` loads this module without a database.
  handle ??= createAuthRouteHandler(getAuth(), () => getDb().$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  ));
  return handle(req);
}

export { handler as GET, handler as POST };
