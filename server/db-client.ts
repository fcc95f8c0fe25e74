// Builds a PrismaClient for a database URL; shared by the app, the seed, scripts and tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { serialTransactions } from "./db-serial-transactions";
import { PrismaClient, type Prisma } from "./generated/prisma/client";

function pgAdapter(databaseUrl: string, poolSize: number | undefined) {
  return serialTransactions(
    new PrismaPg({
      connectionString: databaseUrl,
      max: poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Fail fast instead of queueing forever when the server is gone.
      connectionTimeoutMillis: 5_000,
    }),
  );
}

export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}) {
  // Password hashes never leave the database unless a query asks for them by name.
  const db = new PrismaClient({ adapter: pgAdapter(databaseUrl, options.poolSize), omit: { account: { password: true } } });
  urls.set(db, databaseUrl);
  return db;
}

export type Db = ReturnType<typeof createPrismaClient>;

// On globalThis: Next may bundle this module into several chunks, each with its own module scope.
const registry = globalThis as { prismaClientUrls?: WeakMap<object, string> };
const urls = (registry.prismaClientUrls ??= new WeakMap<object, string>());

/** The URL a client was made for: for libraries that open their own connection to the same database (pg-boss). */
export function databaseUrlOf(db: Db): string {
  const url = urls.get(db);
  if (!url) throw new Error("This Prisma client was not made by createPrismaClient.");
  return url;
}

/** The client or a transaction's: what a function takes when it may run inside its caller's transaction. */
export type DbOrTx = Db | Prisma.TransactionClient;

/**
 * The authentication library's own client, without the omit above: it must read a hash to
 * verify a password. Only server/auth/auth.ts creates one; nothing that answers a request does.
 */
export function createCredentialsClient(databaseUrl: string, options: { poolSize?: number } = {}) {
  return new PrismaClient({ adapter: pgAdapter(databaseUrl, options.poolSize ?? 3) });
}

export type CredentialsDb = ReturnType<typeof createCredentialsClient>;
