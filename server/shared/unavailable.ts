// A database outage, told apart from a bug: requests that meet one answer 503 with a reason at
// once (the pool's connect timeout bounds the wait), and the pool reconnects by itself later.
import { AppError } from "./errors";

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly.";

/** Seconds a client is asked to wait: a restart of PostgreSQL takes a few. */
export const RETRY_AFTER_SECONDS = 5;

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

function looksUnavailable(value: object): boolean {
  const code = fieldOf(value, "code");
  if (typeof code === "string" && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || isUnavailableSqlState(code))) return true;
  const kind = fieldOf(value, "kind");
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const originalCode = fieldOf(value, "originalCode");
  if (typeof originalCode === "string" && isUnavailableSqlState(originalCode)) return true;
  const message = fieldOf(value, "message");
  return typeof message === "string" && MESSAGES.test(message);
}

/** True when an error, or anything in its chain of causes, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<object>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    if (current instanceof AppError && current.code === "SERVICE_UNAVAILABLE") return true;
    if (looksUnavailable(current)) return true;
    // Prisma keeps the adapter's classification under meta.driverAdapterError.cause.
    const meta = fieldOf(current, "meta");
    if (typeof meta === "object" && meta !== null) {
      const adapterError = fieldOf(meta, "driverAdapterError");
      if (typeof adapterError === "object" && adapterError !== null && isDatabaseUnavailable(adapterError)) return true;
    }
    current = fieldOf(current, "cause");
  }
  return false;
}

export function databaseUnavailable(cause?: unknown): AppError {
  return new AppError("SERVICE_UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, cause === undefined ? {} : { cause });
}
