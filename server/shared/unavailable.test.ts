// Which failures count as a database outage (503, "try again shortly") and which stay bugs (500).
import { inspect } from "node:util";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { PoolBusyError } from "../db-pool";
import { BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable, isDatabaseUnavailable, isPoolBusy, isStatementTimeout, retryAfterOf, TOO_SLOW_MESSAGE } from "./unavailable";

// The shape Prisma 7 gives a refused connection through the pg adapter (seen against a closed port).
const prismaRefused = Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:1`"), {
  code: "P2010",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 } } },
});

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection as Prisma reports it, wrapped in a tRPC error", () => {
    expect(isDatabaseUnavailable(prismaRefused)).toBe(true);
    expect(isDatabaseUnavailable(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: prismaRefused }))).toBe(true);
  });

  it("recognises PostgreSQL shutting down, the pool's connect timeout and a dropped socket", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Query failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2024", message: "Timed out fetching a new connection from the connection pool." })).toBe(true);
  });

  it("leaves bugs and refusals alone: a unique violation, a bad input, a missing row", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TRPCError({ code: "BAD_REQUEST", message: "use a date as YYYY-MM-DD" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("a full pool", () => {
  const busy = new PoolBusyError(new Error("timeout exceeded when trying to connect"));

  it("is a 503 that says busy and asks for a short wait, not an outage", () => {
    expect(isPoolBusy(busy)).toBe(true);
    expect(isDatabaseUnavailable(busy)).toBe(true);
    const refusal = databaseUnavailable(new Error("wrapped", { cause: busy }));
    expect(refusal).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE });
    expect(retryAfterOf(refusal)).toBe(1);
  });

  it("is not what an unreachable server is", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isPoolBusy(refused)).toBe(false);
    expect(databaseUnavailable(refused).message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    expect(retryAfterOf(databaseUnavailable(refused))).toBe(5);
  });
});

describe("a statement cancelled at the time limit", () => {
  // As the pg driver adapter reports it inside Prisma's error.
  const cancelled = Object.assign(new Error("Invalid `prisma.country.findMany()` invocation"), {
    code: "P2010",
    meta: { driverAdapterError: { cause: { originalCode: "57014", originalMessage: "canceling statement due to statement timeout", kind: "postgres" } } },
  });

  it("is a 503 that says the request took too long, not an outage and not a bug", () => {
    expect(isStatementTimeout(cancelled)).toBe(true);
    expect(isDatabaseUnavailable(cancelled)).toBe(true);
    expect(isPoolBusy(cancelled)).toBe(false);
    const refusal = databaseUnavailable(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: cancelled }));
    expect(refusal).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: TOO_SLOW_MESSAGE });
    expect(retryAfterOf(refusal)).toBe(5);
  });

  it("is not what a unique violation is", () => {
    expect(isStatementTimeout(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(false);
  });
});

describe("a refusal in the server's log", () => {
  // What console.error and Next.js's error log print: util.inspect, with its custom hook.
  const printed = (value: unknown) => inspect(value, { colors: false });

  it("is one line with its reason and its causes', and no stack: Next.js would read the bundles' source maps to print one", () => {
    const refusal = databaseUnavailable(new Error("Failed to get session", { cause: prismaRefused }));
    const line = printed(refusal);
    expect(line).toBe("AppError: The database is unavailable; try again shortly. ← Error: Failed to get session ← Error: Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:1`");
    expect(refusal.stack).not.toMatch(/\n\s+at /);
    expect(printed(databaseUnavailable(new PoolBusyError(new Error("timeout exceeded when trying to connect"))))).toMatch(new RegExp(`^AppError: ${BUSY_MESSAGE} ← `));
  });

  it("puts a message over several lines (Prisma's) on one", () => {
    const prismaLines = new Error("\nInvalid `prisma.session.findFirst()` invocation:\n\n\nCan't reach database server at 127.0.0.1:5432");
    expect(printed(databaseUnavailable(Object.assign(prismaLines, { code: "P1001" })))).toBe(
      "AppError: The database is unavailable; try again shortly. ← Error: Invalid `prisma.session.findFirst()` invocation: Can't reach database server at 127.0.0.1:5432",
    );
  });

  it("leaves a bug's stack as it was", () => {
    expect(printed(new TypeError("Cannot read properties of undefined"))).toMatch(/\n\s+at /);
  });
});
