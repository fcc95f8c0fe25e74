// Time limits on the app's connections (server/db-limits.ts, server/db-pool.ts): a statement
// past the timeout is cancelled with PostgreSQL's reason, a transaction left idle is ended, and a
// pool that stays full answers 503 "busy" with Retry-After — told apart from an outage — and a
// statement cancelled at the limit in an API call answers 503 "took too long", not 500.
import { afterAll, describe, expect, it } from "vitest";
import { ORIGIN, testAuthSettings, useAuthTestDatabase } from "@/scripts/test/auth";
import { createApiHandler } from "./api-handler";
import { createAuth } from "./auth/auth";
import { createPrismaClient, credentialsClientOn } from "./db-client";
import { allowLongStatements } from "./db-limits";
import { BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE, TOO_SLOW_MESSAGE } from "./shared/unavailable";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("database time limits", async () => {
  const { url } = await useAuthTestDatabase();
  const db = createPrismaClient(url, { poolSize: 2, limits: { statementTimeoutMs: 200, idleInTransactionMs: 300 } });
  afterAll(() => db.$disconnect());

  it("cancels a statement that runs past the statement timeout, with PostgreSQL's reason", async () => {
    await expect(db.$queryRaw`SELECT pg_sleep(1)`).rejects.toThrow(/canceling statement due to statement timeout/);
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("lets a transaction that asks for it (the import, the index rebuild) run longer statements, and only that transaction", async () => {
    await db.$transaction(async (tx) => {
      await allowLongStatements(tx, 5_000);
      await tx.$executeRaw`SELECT pg_sleep(0.4)`;
    });
    await expect(db.$executeRaw`SELECT pg_sleep(0.4)`).rejects.toThrow(/statement timeout/);
  });

  // PostgreSQL ends the session; the driver reports the connection lost, and the pool drops it.
  it("ends a transaction left idle past the limit, and the pool serves again", async () => {
    const idle = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await sleep(800);
        await tx.$queryRaw`SELECT 1`;
      },
      { timeout: 5_000 },
    );
    await expect(idle).rejects.toThrow(/connection error/);
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});

describe("a full pool", async () => {
  const t = await useAuthTestDatabase();
  // Signed in through the test's own pool: the tiny one below is for the request under test.
  const cookie = (await t.signIn("analyst@example.com")).get("cookie") ?? "";
  // One connection, a short wait for it: a transaction holding it makes every other request wait.
  const db = createPrismaClient(t.url, { poolSize: 1, limits: { acquireTimeoutMs: 300 } });
  const auth = createAuth({ db: credentialsClientOn(db), settings: testAuthSettings });
  const api = createApiHandler({ db, auth, trustedOrigins: testAuthSettings.trustedOrigins });
  afterAll(() => db.$disconnect());

  const me = () => api(new Request(`${ORIGIN}/api/trpc/account.me?input=${encodeURIComponent(JSON.stringify({ json: null }))}`, { headers: { cookie } }));

  it("answers an API call 503 'busy' with Retry-After, not 'database unavailable', and serves once a connection frees", async () => {
    let free = () => undefined as void;
    const held = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await new Promise<void>((resolve) => (free = resolve));
    });
    await sleep(50);
    const busy = await me();
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect((await busy.json()).error.json.message).toBe(BUSY_MESSAGE);
    free();
    await held;
    expect((await me()).status).toBe(200);
  });

  it("answers an outage 503 'database unavailable' with a longer Retry-After", async () => {
    const down = createPrismaClient("postgresql://nobody@127.0.0.1:9/none", { poolSize: 1 });
    const downApi = createApiHandler({ db: down, auth: createAuth({ db: credentialsClientOn(down), settings: testAuthSettings }), trustedOrigins: testAuthSettings.trustedOrigins });
    const response = await downApi(new Request(`${ORIGIN}/api/trpc/account.me?input=${encodeURIComponent(JSON.stringify({ json: null }))}`, { headers: { cookie } }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error.json.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    await down.$disconnect();
  });
});

describe("a statement past the time limit, in an API call", async () => {
  const t = await useAuthTestDatabase();
  const cookie = (await t.signIn("analyst@example.com")).get("cookie") ?? "";
  const db = createPrismaClient(t.url, { poolSize: 2, limits: { statementTimeoutMs: 300 } });
  const auth = createAuth({ db: credentialsClientOn(db), settings: testAuthSettings });
  const api = createApiHandler({ db, auth, trustedOrigins: testAuthSettings.trustedOrigins });
  // Another session, with no time limit, holds the lock the call needs.
  const locker = createPrismaClient(t.url, { poolSize: 1, limits: { statementTimeoutMs: 0 } });
  afterAll(() => Promise.all([db.$disconnect(), locker.$disconnect()]));

  const countries = () => api(new Request(`${ORIGIN}/api/trpc/geo.countries?input=${encodeURIComponent(JSON.stringify({ json: null }))}`, { headers: { cookie } }));

  it("answers 503 'took too long' with Retry-After, not the 500 of a bug, and serves once the lock is gone", async () => {
    let release = () => undefined as void;
    let locked = () => undefined as void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = locker.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE "Country" IN ACCESS EXCLUSIVE MODE`;
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const slow = await countries();
    release();
    await holding;
    expect(slow.status).toBe(503);
    expect(slow.headers.get("retry-after")).toBe("5");
    expect((await slow.json()).error.json.message).toBe(TOO_SLOW_MESSAGE);
    expect((await countries()).status).toBe(200);
  });
});
