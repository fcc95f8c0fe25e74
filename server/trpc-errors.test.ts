// What an unexpected failure tells the client: a stable sentence, never the driver's or
// Prisma's message with its source paths and SQL (those go to the server log only).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "./db-client";
import { createContextInner, INTERNAL_ERROR_MESSAGE, publicProcedure, router } from "./trpc";

const PRISMA_FAILURE = "\nInvalid `tx.user.findUnique()` invocation in\n/srv/app/server/users/service.ts:47:30\n\nDatabase error. Code: `22021`.";

describe("an unexpected error over HTTP", () => {
  // Never connects: the procedure fails before any query.
  const db = createPrismaClient("postgresql://nobody@127.0.0.1:9/none");
  const failing = router({ boom: publicProcedure.query(() => Promise.reject(new Error(PRISMA_FAILURE))) });

  it("answers 500 with a generic message, no stack and no source path", async () => {
    const logged: string[] = [];
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/boom"),
      router: failing,
      createContext: () => createContextInner({ db }),
      onError: ({ error }) => logged.push(error.message),
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text).error.json.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(text).not.toMatch(/service\.ts|Invalid `|22021|\s+at /);
    expect(logged).toEqual([PRISMA_FAILURE]);
  });
});
