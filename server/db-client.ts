// Builds a PrismaClient for a database URL; shared by the app, the seed, scripts and tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { statementName } from "./db-statements";
import { databaseLimitsFrom, KEEPALIVE_IDLE_MS, type DatabaseLimits } from "./db-limits";
import { serialTransactions } from "./db-serial-transactions";
import { PrismaClient, type Prisma } from "./generated/prisma/client";
import { LimitedPool } from "./db-pool";

export interface ClientOptions {
  poolSize?: number;
  /** Overrides of the limits read from the environment, e.g. none for a benchmark's data generator. */
  limits?: Partial<DatabaseLimits>;
}

function pgAdapter(databaseUrl: string, options: ClientOptions, defaultSize: number) {
  const limits = { ...databaseLimitsFrom(process.env), ...options.limits };
  const pool = new LimitedPool({
    connectionString: databaseUrl,
    max: options.poolSize ?? defaultSize,
    // Fail fast instead of queueing forever when the server is gone or every connection is busy.
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    statement_timeout: limits.statementTimeoutMs || undefined,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs || undefined,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS,
  });
  return { pool, adapter: serialTransactions(new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: statementName })) };
}

export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}) {
  // Password hashes never leave the database unless a query asks for them by name.
  const { pool, adapter } = pgAdapter(databaseUrl, options, Number(process.env.DATABASE_POOL_SIZE ?? 10));
  const db = new PrismaClient({ adapter, omit: { account: { password: true } } });
  registry.set(db, { url: databaseUrl, pool });
  return db;
}

export type Db = ReturnType<typeof createPrismaClient>;

// On globalThis: Next may bundle this module into several chunks, each with its own module scope.
const shared = globalThis as { prismaClients?: WeakMap<object, { url: string; pool: LimitedPool }> };
const registry = (shared.prismaClients ??= new WeakMap<object, { url: string; pool: LimitedPool }>());

function madeHere(db: Db) {
  const made = registry.get(db);
  if (!made) throw new Error("This Prisma client was not made by createPrismaClient.");
  return made;
}

/** The URL a client was made for: for libraries that open their own connection to the same database (pg-boss). */
export function databaseUrlOf(db: Db): string {
  return madeHere(db).url;
}

/** The connection pool under a client, for the runtime figures (server/runtime-metrics.ts). */
export function poolOf(db: Db): LimitedPool {
  return madeHere(db).pool;
}

/** The client or a transaction's: what a function takes when it may run inside its caller's transaction. */
export type DbOrTx = Db | Prisma.TransactionClient;

/**
 * The authentication library's own client, without the omit above: it must read a hash to
 * verify a password. Only server/auth/ creates one; nothing that answers a request does.
 */
export function createCredentialsClient(databaseUrl: string, options: ClientOptions = {}) {
  return new PrismaClient({ adapter: pgAdapter(databaseUrl, options, 3).adapter });
}

/**
 * A credentials client on the app client's own pool: session look-ups and sign-ins share its
 * connections, size and time limits rather than queueing on a small pool of their own, and a
 * full pool reads as busy for both. Disconnecting it leaves the shared pool open.
 */
export function credentialsClientOn(db: Db) {
  return new PrismaClient({ adapter: serialTransactions(new PrismaPg(madeHere(db).pool, { statementNameGenerator: statementName })) });
}

export type CredentialsDb = ReturnType<typeof createCredentialsClient>;
