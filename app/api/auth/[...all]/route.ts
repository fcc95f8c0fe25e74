// Better Auth's endpoints: sign-in, sign-out, session. It checks Origin on every POST itself.
import { getAuth } from "@/server/auth/app-auth";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return getAuth().handler(req);
}

export { handler as GET, handler as POST };
