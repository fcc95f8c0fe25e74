// Sign-in, sessions and their end, through Better Auth's real HTTP handler on a real database.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { ORIGIN, someAddress, testAuthSettings, useAuthTestDatabase } from "@/scripts/test/auth";
import { createAuth } from "./auth";
import { forwardedFor } from "./client-address";
import { addressKey, SIGN_IN_LIMIT, THROTTLED_MESSAGE } from "./throttle";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);

const t = await useAuthTestDatabase();

describe("sign-in and sessions", () => {
  it("signs a demo user in with an httpOnly, SameSite=Lax session cookie that expires", async () => {
    const response = await t.auth.handler(t.signInRequest({ email: "analyst@example.com", password: DEMO_PASSWORD }));
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("maghreb.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/i); // the test base URL is http; https gives Secure (settings.test.ts)
    const session = await t.db.session.findFirstOrThrow({ where: { user: { email: "analyst@example.com" } }, orderBy: { createdAt: "desc" } });
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600_000);
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const wrong = await t.auth.handler(t.signInRequest({ email: "analyst@example.com", password: "not-the-password" }));
    const unknown = await t.auth.handler(t.signInRequest({ email: "nobody@example.com", password: "not-the-password" }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("knows the signed-in user in every procedure, and nobody without a session", async () => {
    const me = await (await t.callerWith(await t.signIn("analyst@example.com"))).account.me();
    expect(me).toMatchObject({ email: "analyst@example.com", role: "analyst" });
    const anonymous = await t.callerWith(new Headers());
    expect(codeOf(await anonymous.account.me().catch((e: unknown) => e))).toBe("UNAUTHORIZED");
    const forged = await t.callerWith(new Headers({ cookie: "maghreb.session_token=forged.value" }));
    expect(codeOf(await forged.account.me().catch((e: unknown) => e))).toBe("UNAUTHORIZED");
  });

  it("ends a session on sign-out, and refuses an expired one", async () => {
    const headers = await t.signIn("analyst2@example.com");
    headers.set("content-type", "application/json");
    const signOut = await t.auth.handler(new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers, body: "{}" }));
    expect(signOut.status).toBe(200);
    expect(codeOf(await (await t.callerWith(headers)).account.me().catch((e: unknown) => e))).toBe("UNAUTHORIZED");

    const later = await t.signIn("analyst2@example.com");
    await t.db.session.updateMany({ where: { user: { email: "analyst2@example.com" } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await (await t.callerWith(later)).account.me().catch((e: unknown) => e))).toBe("UNAUTHORIZED");
  });
});

describe("Better Auth's other routes", () => {
  it("are not served: password changes, profile updates and the like go through tRPC", async () => {
    const headers = await t.signIn("analyst2@example.com");
    headers.set("content-type", "application/json");
    const before = await t.db.user.findUniqueOrThrow({ where: { email: "analyst2@example.com" } });
    for (const [path, body] of [
      ["/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "bypassing-the-throttle" }],
      ["/verify-password", { password: DEMO_PASSWORD }],
      ["/update-user", { name: "Renamed without audit" }],
      ["/sign-up/email", { email: "new@example.com", password: "a-long-password-1", name: "New" }],
      ["/list-sessions", null],
    ] as const) {
      const response = await t.auth.handler(new Request(`${ORIGIN}/api/auth${path}`, { method: body ? "POST" : "GET", headers, body: body && JSON.stringify(body) }));
      expect(response.status, path).toBe(404);
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { email: "analyst2@example.com" } })).toEqual(before);
    expect(await t.db.user.count({ where: { email: "new@example.com" } })).toBe(0);
  });
});

// Each test throttles an account the others do not use.
describe("brute-force protection", () => {
  const attempt = (email: string, password: string, address: string) => t.auth.handler(t.signInRequest({ email, password }, address));

  it("answers the 6th failed attempt on one account within the window with 429 and Retry-After, from any address", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.attempts; i++) expect((await attempt("outsider@example.com", `guess-${i}`, someAddress())).status).toBe(401);
    const sixth = await attempt("outsider@example.com", "guess-6", someAddress());
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect((await sixth.json()).message).toBe(THROTTLED_MESSAGE);
    // Even the right password waits: the point is that guessing stops.
    expect((await attempt("outsider@example.com", DEMO_PASSWORD, someAddress())).status).toBe(429);
  });

  it("says exactly the same for an account that does not exist", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.attempts; i++) await attempt("ghost@example.com", `guess-${i}`, someAddress());
    const sixth = await attempt("ghost@example.com", "guess-6", someAddress());
    expect(sixth.status).toBe(429);
    expect((await sixth.json()).message).toBe(THROTTLED_MESSAGE);
  });

  it("stops one address guessing across many accounts", async () => {
    const address = someAddress();
    for (let i = 0; i < SIGN_IN_LIMIT.attempts; i++) expect((await attempt(`spray-${i}@example.com`, "Summer2025!", address)).status).toBe(401);
    const sixth = await attempt("analyst@example.com", "Summer2025!", address);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("shares its counters through PostgreSQL, and a success clears its account's failures", async () => {
    for (let i = 0; i < 3; i++) await attempt("admin@example.com", `guess-${i}`, someAddress());
    expect(await t.db.rateLimit.findUnique({ where: { key: "sign-in:account:admin@example.com" }, select: { count: true } })).toEqual({ count: 3 });
    expect((await attempt("admin@example.com", DEMO_PASSWORD, someAddress())).status).toBe(200);
    expect(await t.db.rateLimit.findUnique({ where: { key: "sign-in:account:admin@example.com" } })).toBeNull();
  });
});

// Each test uses addresses the others do not (a malformed hop, its own socket, its own address).
describe("the per-address limit", () => {
  const attempt = (email: string, address: string, auth = t.auth) => auth.handler(t.signInRequest({ email, password: "Summer2025!" }, address));
  const someEmail = () => `spray-${randomUUID()}@example.com`;

  it("holds for an over-long or malformed hop from a proxy, and refuses before hashing any password", async () => {
    const proxied = createAuth({ db: t.credentials, settings: { ...testAuthSettings, trustedProxyHops: 1 } });
    const { password } = await proxied.$context;
    const hashed = vi.spyOn(password, "hash");
    try {
      const statuses = [];
      for (const hop of ["x".repeat(65), `203.0.113.${"9".repeat(70)}`, "not-an-address", "1.2.3.4:5678", "", "x".repeat(200), "fe80::1%eth0"]) {
        statuses.push((await attempt(someEmail(), forwardedFor(`198.51.100.1, ${hop}`, "10.0.0.2", 1), proxied)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // Unknown emails cost Better Auth a dummy hash each; refused ones cost none.
      expect(hashed).toHaveBeenCalledTimes(SIGN_IN_LIMIT.attempts);
    } finally {
      hashed.mockRestore();
    }
  });

  it("with no proxy in front (TRUSTED_PROXY_HOPS=0), counts the socket's address: a claimed one buys no fresh budget", async () => {
    const direct = createAuth({ db: t.credentials, settings: { ...testAuthSettings, trustedProxyHops: 0 } });
    const socket = "192.0.2.200";
    const statuses = [];
    // X-Forwarded-For as the app's HTTP server hands it on (server/http/node-server.ts).
    for (let i = 0; i <= SIGN_IN_LIMIT.attempts; i++) statuses.push((await attempt(someEmail(), forwardedFor(someAddress(), socket, 0), direct)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(await t.db.rateLimit.findUnique({ where: { key: addressKey(socket) }, select: { count: true } })).toEqual({ count: SIGN_IN_LIMIT.attempts + 1 });
  });
});
