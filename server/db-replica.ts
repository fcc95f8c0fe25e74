// Optional read replica (DATABASE_REPLICA_URL): read-only procedures — tRPC queries, and so
// the pages' reads — go to it; mutations, route handlers, sessions and jobs stay on the primary.
// A replica lags the primary a little, so a session that has just written reads from the
// primary for READ_YOUR_WRITES_MS: a short-lived cookie carries that across instances and
// machines, where a per-process note would not.
import { createPrismaClient, type Db } from "./db-client";

export const READ_YOUR_WRITES_MS = 5_000;
export const WROTE_COOKIE = "mm-wrote";

// On globalThis: Next may bundle this module into several chunks, each with its own module scope.
const registry = globalThis as { replicaPrimaries?: WeakMap<Db, Db> };
const primaries = (registry.replicaPrimaries ??= new WeakMap<Db, Db>());

/**
 * A client for a replica of `primary`. Its sessions are read-only whatever the server allows,
 * so a write sent there by mistake fails loudly instead of landing on the wrong database.
 */
export function createReplicaClient(replicaUrl: string, primary: Db, options: { poolSize?: number } = {}): Db {
  const url = new URL(replicaUrl);
  url.searchParams.set("options", "-c default_transaction_read_only=on");
  const replica = createPrismaClient(url.toString(), options);
  primaries.set(replica, primary);
  return replica;
}

/** The primary behind a client: itself unless it is a replica's. What must be current (cache fills) reads there. */
export function primaryOf(db: Db): Db {
  return primaries.get(db) ?? db;
}

/** The Set-Cookie a write answers with: this browser reads from the primary until the replica has caught up. */
export function wroteCookie(now = Date.now()): string {
  return `${WROTE_COOKIE}=${now + READ_YOUR_WRITES_MS}; Max-Age=${READ_YOUR_WRITES_MS / 1000}; Path=/; HttpOnly; SameSite=Lax`;
}

/** Whether the request comes from a browser that wrote within READ_YOUR_WRITES_MS. */
export function wroteRecently(headers: Headers, now = Date.now()): boolean {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const [name, value] = pair.trim().split("=");
    // Never longer than the window, whatever the client sends back.
    if (name === WROTE_COOKIE && Number(value) > now && Number(value) <= now + READ_YOUR_WRITES_MS) return true;
  }
  return false;
}
