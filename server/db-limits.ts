// Time limits on every connection the app opens, so that one slow statement, a transaction left
// open or a connection dropped without a word cannot hold a pooled connection for long.
// Read from the environment (server/env.ts validates the same schema at start).
import { z } from "zod";

const millis = (fallback: number) => z.coerce.number().int().min(0).max(24 * 3_600_000).default(fallback);

export const databaseLimitsSchema = z.object({
  /** A statement running longer is cancelled by PostgreSQL (0: no limit). Imports and rebuilds raise it for their own transaction. */
  DATABASE_STATEMENT_TIMEOUT_MS: millis(30_000),
  /** A transaction idle this long between statements is ended by PostgreSQL, releasing its locks (0: no limit). */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(60_000),
  /** How long a request waits for a pooled connection (or a new one to open) before answering 503. */
  DATABASE_POOL_TIMEOUT_MS: millis(5_000).pipe(z.number().min(100)),
});

export interface DatabaseLimits {
  statementTimeoutMs: number;
  idleInTransactionMs: number;
  acquireTimeoutMs: number;
}

export function databaseLimitsFrom(source: Record<string, string | undefined>): DatabaseLimits {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([key, v]) => key.startsWith("DATABASE_") && v !== ""));
  const parsed = databaseLimitsSchema.parse(cleaned);
  return {
    statementTimeoutMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: parsed.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    acquireTimeoutMs: parsed.DATABASE_POOL_TIMEOUT_MS,
  };
}

/**
 * Idle seconds before the first TCP keepalive probe. Node fixes the rest (10 probes, 1 s apart,
 * checked with strace), so a connection whose peer vanished is closed 11 s after it last
 * carried anything at worst, and queries on it fail instead of waiting for TCP's 15 minutes.
 */
export const KEEPALIVE_IDLE_MS = 1_000;

/**
 * Raises the statement timeout for the rest of the caller's transaction only (SET LOCAL): for
 * the import and the index rebuild, whose statements are long by design.
 */
export async function allowLongStatements(tx: { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> }, ms: number): Promise<void> {
  await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(ms)}, true)`;
}

/** For a benchmark's data generator, whose single statements insert or index millions of rows. */
export const NO_TIME_LIMITS: Partial<DatabaseLimits> = { statementTimeoutMs: 0, idleInTransactionMs: 0 };
