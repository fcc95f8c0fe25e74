// For integration tests: a seeded database with the demo accounts, a real Better Auth on it, and
// helpers that sign in over Better Auth's HTTP handler, as a browser would.
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { ensureDemoAccounts } from "@/prisma/seed";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { createApiHandler } from "@/server/api-handler";
import { createAuth } from "@/server/auth/auth";
import type { AuthSettings } from "@/server/auth/settings";
import { createCredentialsClient, type Db } from "@/server/db-client";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { useTestDatabase } from "./database";

export const ORIGIN = "http://localhost:3000";

export const testAuthSettings: AuthSettings = {
  secret: "integration-tests-only-secret-0123456789",
  baseURL: ORIGIN,
  trustedOrigins: [ORIGIN],
  secureCookies: false,
  // No proxy in front, the default. Requests here skip the app's HTTP server, so a test writes
  // X-Forwarded-For as that server would (the socket's address) and picks an address of its own.
  trustedProxyHops: 0,
};

/** A fresh address per sign-in unless a test means otherwise, so tests do not throttle each other. */
export const someAddress = () => `2001:db8:${randomBytes(8).toString("hex").match(/.{4}/g)?.join(":")}::1`;

/** The demo accounts and teams (what access control is about), with the seeded history when asked. */
export async function useAuthTestDatabase(options: { seed?: boolean } = {}) {
  const { url, db } = await useTestDatabase({ seed: options.seed });
  await ensureDemoAccounts(db);
  const credentials = createCredentialsClient(url, { poolSize: 2 });
  afterAll(() => credentials.$disconnect());
  const auth = createAuth({ db: credentials, settings: testAuthSettings });
  const api = createApiHandler({ db, auth, trustedOrigins: testAuthSettings.trustedOrigins });

  function signInRequest(body: { email: string; password: string }, address = someAddress()): Request {
    return new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": address },
      body: JSON.stringify(body),
    });
  }

  /** Signs in and returns the headers a browser would send next: the session cookie and our Origin. */
  async function signIn(email: string, password = DEMO_PASSWORD): Promise<Headers> {
    const response = await auth.handler(signInRequest({ email, password }));
    if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return new Headers({ cookie, origin: ORIGIN });
  }

  /** The tRPC caller a request with these headers gets, through the same context as over HTTP. */
  async function callerWith(headers: Headers) {
    return createCaller(await createContext({ db, auth, headers }));
  }

  /** The caller of a freshly signed-in demo user. */
  async function callerAs(email: string, password = DEMO_PASSWORD) {
    return callerWith(await signIn(email, password));
  }

  /** A tRPC call over HTTP, as the browser's client makes it (superjson on the wire). */
  function trpcRequest(path: string, input: unknown, init: { method?: "GET" | "POST"; headers?: HeadersInit } = {}): Request {
    const json = JSON.stringify({ json: input });
    const method = init.method ?? "POST";
    const target = `${ORIGIN}/api/trpc/${path}${method === "GET" ? `?input=${encodeURIComponent(json)}` : ""}`;
    return new Request(target, { method, headers: { "content-type": "application/json", ...Object.fromEntries(new Headers(init.headers)) }, body: method === "POST" ? json : undefined });
  }

  return { url, db, credentials, auth, api, signIn, signInRequest, callerWith, callerAs, trpcRequest };
}

/** Everything access control protects, to show that a refused call changed nothing. */
export async function protectedState(db: Db) {
  const [users, accounts, sessions, teams, memberships, invitations, feedTokens, views, notes, audit, events, conditions, newsFeeds, keywords] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.account.findMany({ orderBy: { id: "asc" }, omit: { password: false } }),
    db.session.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, expiresAt: true } }),
    db.team.findMany({ orderBy: { id: "asc" } }),
    db.membership.findMany({ orderBy: [{ teamId: "asc" }, { userId: "asc" }] }),
    db.teamInvitation.findMany({ orderBy: { id: "asc" } }),
    db.feedToken.findMany({ orderBy: { id: "asc" } }),
    db.savedView.findMany({ orderBy: { id: "asc" } }),
    db.analystNote.findMany({ orderBy: { id: "asc" } }),
    db.auditLog.count(),
    db.event.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, archivedAt: true } }),
    db.condition.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, archivedAt: true } }),
    db.newsFeed.findMany({ orderBy: { id: "asc" } }),
    db.countryKeywords.findMany({ orderBy: { countryCode: "asc" } }),
  ]);
  return { users, accounts, sessions, teams, memberships, invitations, feedTokens, views, notes, audit, events, conditions, newsFeeds, keywords };
}

/** Every password hash in the database, to look for in responses. */
export async function passwordHashes(db: Db): Promise<string[]> {
  const accounts = await db.account.findMany({ select: { password: true }, where: { password: { not: null } } });
  return accounts.flatMap((a) => (a.password ? [a.password, ...a.password.split(":")] : [])).filter((part) => part.length >= 16);
}
