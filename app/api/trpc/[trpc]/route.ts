import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/server/db";
import { appRouter } from "@/server/root";
import { createContextInner } from "@/server/trpc";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContextInner({ db: getDb(), headers: req.headers }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
