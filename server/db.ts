// The one PrismaClient of a server process: Rust-free client over node-postgres.
import "server-only";
import { createPrismaClient, type Db } from "./db-client";

const globalForPrisma = globalThis as { prisma?: Db };

/**
 * Made on first use, not at import: `next build` imports route modules without a database.
 * Kept on globalThis so development hot reloads reuse one pool.
 */
export function getDb(): Db {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  return (globalForPrisma.prisma = createPrismaClient(url));
}
