// The one PrismaClient of a server process: Rust-free client over node-postgres.
import "server-only";
import { createPrismaClient, poolOf, type Db } from "./db-client";
import { createReplicaClient } from "./db-replica";
import { watchPool } from "./runtime-metrics";
import { watchChanges } from "./shared/change-feed";

const globalForPrisma = globalThis as { prisma?: Db; replica?: Db };

/**
 * Made on first use, not at import: `next build` imports route modules without a database.
 * Kept on globalThis so development hot reloads reuse one pool.
 */
export function getDb(): Db {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  // The server's caches hear of writes from every instance through this one connection.
  watchChanges(url);
  const db = (globalForPrisma.prisma = createPrismaClient(url));
  watchPool(poolOf(db));
  return db;
}

/** Where read-only procedures read: the replica at DATABASE_REPLICA_URL, or the primary when unset. */
export function getReplicaDb(): Db {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return getDb();
  return (globalForPrisma.replica ??= createReplicaClient(url, getDb()));
}
