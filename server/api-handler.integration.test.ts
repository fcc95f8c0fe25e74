// CSRF: a state change must come from our own pages. A browser sends Origin with every POST, so a
// cross-site form or fetch carries another origin (or "null"), and a plain script none at all.
import { describe, expect, it } from "vitest";
import { ORIGIN, protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { CROSS_SITE_MESSAGE } from "./api-handler";
import { API_CONTENT_SECURITY_POLICY } from "./http/security-headers";
import { createAuthRouteHandler } from "./auth/route-handler";

describe("state changes from another site", async () => {
  const t = await useAuthTestDatabase();
  const cookie = (await t.signIn("admin@example.com")).get("cookie") ?? "";
  const analyst = await t.db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" }, select: { id: true } });
  const promote = { userId: analyst.id, role: "admin" };

  it("are refused with 403, with the session cookie and all, and change nothing", async () => {
    const before = await protectedState(t.db);
    for (const origin of [undefined, "https://evil.example", "null", "http://localhost:3001"]) {
      const headers = { cookie, ...(origin && { origin }) };
      const response = await t.api(t.trpcRequest("users.setRole", promote, { headers }));
      expect(response.status).toBe(403);
      expect((await response.json()).error.message).toBe(CROSS_SITE_MESSAGE);
    }
    expect(await protectedState(t.db)).toEqual(before);
  });

  it("cannot ride on GET either: tRPC runs mutations only for POST", async () => {
    const before = await protectedState(t.db);
    const response = await t.api(t.trpcRequest("users.setRole", promote, { method: "GET", headers: { cookie } }));
    expect(response.status).toBe(405);
    expect(await protectedState(t.db)).toEqual(before);
  });

  it("go through from the app's own origin", async () => {
    const response = await t.api(t.trpcRequest("users.setRole", promote, { headers: { cookie, origin: ORIGIN } }));
    expect(response.status).toBe(200);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: analyst.id } })).role).toBe("admin");
  });

  it("to Better Auth's own routes are refused too: a cross-site sign-out leaves the session alive", async () => {
    const headers = { cookie, origin: "https://evil.example", "content-type": "application/json" };
    const response = await t.auth.handler(new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers, body: "{}" }));
    expect(response.status).toBe(403);
    expect(await (await t.callerWith(new Headers({ cookie }))).account.me()).toMatchObject({ email: "admin@example.com" });
  });
});

describe("request size", async () => {
  const t = await useAuthTestDatabase();
  const cookie = (await t.signIn("analyst@example.com")).get("cookie") ?? "";

  it("a tRPC body over 256 KiB gets 413 with a reason, a batch of more than 20 calls 400", async () => {
    const big = t.trpcRequest("teams.create", { name: "x".repeat(300_000) }, { headers: { cookie, origin: ORIGIN } });
    const tooBig = await t.api(big);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.message).toMatch(/too large.*256 KiB/);

    const batch = Array.from({ length: 21 }, () => "account.me").join(",");
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i, { json: null }]))));
    const tooMany = await t.api(new Request(`${ORIGIN}/api/trpc/${batch}?batch=1&input=${input}`, { headers: { cookie } }));
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/Batch call exceeds maximum size/);
  });

  it("Better Auth's routes refuse a body over 16 KiB with 413 before reading on", async () => {
    const body = JSON.stringify({ email: "admin@example.com", password: "x".repeat(20_000) });
    const headers = { "content-type": "application/json", origin: ORIGIN };
    const response = await createAuthRouteHandler(t.auth, async () => true)(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers, body }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/too large.*16 KiB/);
  });
});

describe("the browser-side defences", async () => {
  const t = await useAuthTestDatabase();
  const cookie = (await t.signIn("analyst@example.com")).get("cookie") ?? "";

  it("ride on every answer of the endpoint, which proxy.ts skips: a call's, a refusal's, one too large", async () => {
    const answers = [
      await t.api(new Request(`${ORIGIN}/api/trpc/account.me`, { headers: { cookie } })),
      await t.api(new Request(`${ORIGIN}/api/trpc/account.me`)),
      await t.api(t.trpcRequest("teams.create", { name: "Sahel desk" }, { headers: { cookie, origin: "https://evil.example" } })),
      await t.api(t.trpcRequest("teams.create", { name: "x".repeat(300_000) }, { headers: { cookie, origin: ORIGIN } })),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 403, 413]);
    for (const answer of answers) {
      expect(answer.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
    }
  });
});
