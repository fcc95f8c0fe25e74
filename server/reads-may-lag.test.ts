// Which reads may lag a moment behind writes (server/shared/reads-may-lag.ts): the tRPC ladder
// decides once for every procedure, from the browser's `mm-wrote` cookie, with or without a replica.
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "./db-client";
import { WROTE_COOKIE, wroteCookie } from "./db-replica";
import { readsMayLag } from "./shared/reads-may-lag";
import { createCallerFactory, createContextInner, publicProcedure, router } from "./trpc";

describe("reads that may lag", () => {
  // Never connects: the procedures below read no database.
  const db = createPrismaClient("postgresql://nobody@127.0.0.1:9/none");
  const probe = router({
    read: publicProcedure.query(async () => {
      await Promise.resolve(); // past an await, as a service's read is
      return readsMayLag();
    }),
    write: publicProcedure.mutation(() => readsMayLag()),
  });
  const callerWith = (headers = new Headers(), resHeaders = new Headers()) => createCallerFactory(probe)(createContextInner({ db, headers, resHeaders }));

  it("are the queries of a browser that did not write in the last few seconds", async () => {
    expect(await callerWith().read()).toBe(true);
    expect(await callerWith(new Headers({ cookie: `${WROTE_COOKIE}=${Date.now() - 1}` })).read()).toBe(true); // its window has passed
  });

  it("are not those of a browser that has just written, nor any mutation", async () => {
    expect(await callerWith(new Headers({ cookie: wroteCookie().split(";")[0] ?? "" })).read()).toBe(false);
    expect(await callerWith().write()).toBe(false);
    expect(readsMayLag()).toBe(false); // nor anything outside a procedure: jobs, scripts
  });

  it("end with a mutation, without a replica too: it sets the cookie that makes its browser read its write", async () => {
    const resHeaders = new Headers();
    await callerWith(new Headers(), resHeaders).write();
    expect(resHeaders.getSetCookie().some((c) => c.startsWith(`${WROTE_COOKIE}=`))).toBe(true);
  });
});
