// A database outage, told apart from a bug: requests that meet one answer 503 with a reason at
// once (the pool's connect timeout bounds the wait), and the pool reconnects by itself later.
// A full pool (every connection in use for the whole wait, server/db-pool.ts) is a 503 too, but
// says "busy" and asks for a shorter wait: the database is there, the app is saturated. A
// statement PostgreSQL cancelled at the app's time limit is a 503 that says "took too long".
import { AppError } from "./errors";
import { noteDatabaseRefusal } from "./request-outcome";
import { said } from "./said";

export const DATABASE_UNAVAILABLE_MESSAGE = said("databaseUnavailable");
export const BUSY_MESSAGE = said("serverBusy");
export const TOO_SLOW_MESSAGE = said("databaseTooSlow");

/** Seconds a client is asked to wait: a restart of PostgreSQL takes a few. */
export const RETRY_AFTER_SECONDS = 5;
/** Seconds a client is asked to wait when the pool was full: connections free up in moments. */
export const BUSY_RETRY_AFTER_SECONDS = 1;
/** What server/db-pool.ts's PoolBusyError carries, so the chain below can tell it apart. */
export const POOL_BUSY_CODE = "POOL_BUSY";

/** Where Node's util.inspect (console.error, loggers) asks a value how to print itself. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** A message on one line, its blank lines and indentation gone (Prisma's span several). */
const flat = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 400);

/** An error and its causes on one line: "AppError: The database is unavailable… ← PrismaClientKnownRequestError: Can't reach…". */
export function refusalLine(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && current !== null && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    parts.push(current instanceof Error ? `${current.name}: ${flat(current.message)}` : flat(String(current)));
  }
  return parts.join(" ← ");
}

/**
 * Marks an error the app expects (the database away, the pool full, a statement at its time
 * limit) to be logged as one line, its reason and its causes', never as a stack: it is not a bug
 * to trace. Next.js source-maps every stack it logs, reading the server bundles' maps from disk
 * the first time: during an outage, refusals queued behind that work (BENCHMARKS.md, "Refusals
 * logged as one line").
 */
export function loggedAsOneLine<E extends Error>(error: E): E {
  error.stack = `${error.name}: ${error.message}`;
  Object.defineProperty(error, INSPECT, { value: () => refusalLine(error), enumerable: false });
  return error;
}

/** A 503 of the database's: unreachable, busy or too slow; it says why and when to try again. */
export class DatabaseRefusal extends AppError {
  constructor(message: string, cause?: unknown) {
    super("SERVICE_UNAVAILABLE", message, cause === undefined ? {} : { cause });
    loggedAsOneLine(this);
  }
}

/** The app could not get a pooled connection in time: a 503 that says "busy". */
export class ServerBusyError extends DatabaseRefusal {
  constructor(cause?: unknown) {
    super(BUSY_MESSAGE, cause);
  }
}

/**
 * PostgreSQL cancelled a statement at the app's statement_timeout (server/db-limits.ts): the
 * database is there but this request asked too much of it, or waited on a lock, for too long.
 */
export class StatementTimeoutError extends DatabaseRefusal {
  constructor(cause?: unknown) {
    super(TOO_SLOW_MESSAGE, cause);
  }
}

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
// Prisma's: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The pg driver adapter's classification of socket errors, carried in Prisma's error.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// What pg and PostgreSQL say when the server goes away mid-request or is not accepting connections yet.
const MESSAGES =
  /timeout exceeded when trying to connect|connection terminated|terminating connection due to administrator command|the database system is (shutting down|starting up|not yet accepting connections|in recovery mode)|server closed the connection unexpectedly|Client has encountered a connection error|Connection is closed|cannot use a pool after calling end/i;

/** PostgreSQL SQLSTATEs: 08xxx connection exceptions, 57P01–57P03 shutdown and cannot-connect-now, 53300 too many connections. */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code);
}

function fieldOf(value: object, key: string): unknown {
  return key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** Walks an error's chain of causes, and Prisma's copy of the adapter's error, until `test` holds. */
function someInChain(error: unknown, test: (value: object) => boolean): boolean {
  const seen = new Set<object>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    if (test(current)) return true;
    // Prisma keeps the adapter's classification under meta.driverAdapterError.cause.
    const meta = fieldOf(current, "meta");
    if (typeof meta === "object" && meta !== null) {
      const adapterError = fieldOf(meta, "driverAdapterError");
      if (typeof adapterError === "object" && adapterError !== null && someInChain(adapterError, test)) return true;
    }
    current = fieldOf(current, "cause");
  }
  return false;
}

function looksBusy(value: object): boolean {
  if (value instanceof ServerBusyError || fieldOf(value, "code") === POOL_BUSY_CODE) return true;
  const message = fieldOf(value, "message");
  return typeof message === "string" && message.includes(BUSY_MESSAGE);
}

/** True when the pool stayed full for the whole wait: the database is up, the app saturated. */
export function isPoolBusy(error: unknown): boolean {
  return someInChain(error, looksBusy);
}

// SQLSTATE 57014 query_canceled, which a statement timeout raises (also a cancel by an operator).
const CANCELED = "57014";
const CANCELED_MESSAGE = /canceling statement due to (statement timeout|user request)/i;

function looksTimedOut(value: object): boolean {
  if (value instanceof StatementTimeoutError) return true;
  const code = fieldOf(value, "code");
  const originalCode = fieldOf(value, "originalCode");
  if (code === CANCELED || originalCode === CANCELED) return true;
  const message = fieldOf(value, "message");
  return typeof message === "string" && CANCELED_MESSAGE.test(message);
}

/** True when PostgreSQL cancelled a statement of the request at its time limit. */
export function isStatementTimeout(error: unknown): boolean {
  return someInChain(error, looksTimedOut);
}

function looksUnavailable(value: object): boolean {
  if (looksBusy(value) || looksTimedOut(value)) return true;
  const code = fieldOf(value, "code");
  if (typeof code === "string" && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || isUnavailableSqlState(code))) return true;
  const kind = fieldOf(value, "kind");
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const originalCode = fieldOf(value, "originalCode");
  if (typeof originalCode === "string" && isUnavailableSqlState(originalCode)) return true;
  const message = fieldOf(value, "message");
  return typeof message === "string" && MESSAGES.test(message);
}

/**
 * True when an error, or anything in its chain of causes, says the database cannot serve the
 * request now: unreachable, or (isPoolBusy) every connection in use.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someInChain(error, (value) => (value instanceof AppError && value.code === "SERVICE_UNAVAILABLE") || looksUnavailable(value));
}

/**
 * The 503 for an error isDatabaseUnavailable accepted: "busy" when the pool was full, "took too
 * long" when a statement hit its time limit, else "unavailable".
 */
export function databaseUnavailable(cause?: unknown): DatabaseRefusal {
  const refusal =
    cause === undefined
      ? new DatabaseRefusal(DATABASE_UNAVAILABLE_MESSAGE)
      : isPoolBusy(cause)
        ? new ServerBusyError(cause)
        : isStatementTimeout(cause)
          ? new StatementTimeoutError(cause)
          : new DatabaseRefusal(DATABASE_UNAVAILABLE_MESSAGE, cause);
  // A page that fails on it is answered 503, not 500 (server/http/node-server.ts).
  noteDatabaseRefusal(refusal);
  return refusal;
}

/** The Retry-After, in seconds, of a 503 made here. */
export function retryAfterOf(error: AppError): number {
  return error instanceof ServerBusyError ? BUSY_RETRY_AFTER_SECONDS : RETRY_AFTER_SECONDS;
}
