// What an unexpected failure tells the client: a stable sentence, never the driver's or
// Prisma's message with its source paths and SQL (those go to the server log only).
import { inspect } from "node:util";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "./auth/permissions";
import { createPrismaClient } from "./db-client";
import { AppError, fieldError, staleVersion, StaleVersionError } from "./shared/errors";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable } from "./shared/unavailable";
import { adminProcedure, authedProcedure, createCallerFactory, createContextInner, INTERNAL_ERROR_MESSAGE, publicProcedure, router } from "./trpc";

const PRISMA_FAILURE = "\nInvalid `tx.user.findUnique()` invocation in\n/srv/app/server/users/service.ts:47:30\n\nDatabase error. Code: `22021`.";

describe("an unexpected error over HTTP", () => {
  // Never connects: the procedure fails before any query.
  const db = createPrismaClient("postgresql://nobody@127.0.0.1:9/none");
  const failing = router({ boom: publicProcedure.query(() => Promise.reject(new Error(PRISMA_FAILURE))) });

  it("answers 500 with a generic message, no stack and no source path", async () => {
    const logged: string[] = [];
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/boom"),
      router: failing,
      createContext: () => createContextInner({ db }),
      onError: ({ error }) => logged.push(error.message),
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text).error.json.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(text).not.toMatch(/service\.ts|Invalid `|22021|\s+at /);
    expect(logged).toEqual([PRISMA_FAILURE]);
  });
});

describe("an app error thrown by a service", () => {
  const db = createPrismaClient("postgresql://nobody@127.0.0.1:9/none");
  const stale = { version: 3, values: { title: "Now" }, updatedAt: new Date("2025-01-02T00:00:00Z") };
  const refusing = router({
    missing: publicProcedure.query(() => Promise.reject(new AppError("NOT_FOUND", "No such event"))),
    field: publicProcedure.mutation(() => Promise.reject(fieldError("CONFLICT", "name", "A team with this name exists."))),
    stale: publicProcedure.mutation(() => Promise.reject(staleVersion(stale))),
    throttled: publicProcedure.query(() => Promise.reject(new AppError("TOO_MANY_REQUESTS", "Wait."))),
    outage: publicProcedure.query(() => Promise.reject(databaseUnavailable(new Error("connect ECONNREFUSED")))),
    members: authedProcedure.query(() => "in"),
    admins: adminProcedure.query(() => "in"),
  });
  const call = async (path: string, user: SessionUser | null = null, method = "GET") => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://localhost/api/trpc/${path}`, { method, ...(method === "POST" && { body: "{}", headers: { "content-type": "application/json" } }) }),
      router: refusing,
      createContext: () => createContextInner({ db, user }),
    });
    const body = await response.json();
    return { status: response.status, error: body.error?.json };
  };

  it("leaves over HTTP with its code's status and its message, forms' fields and the conflict as before", async () => {
    expect(await call("missing")).toMatchObject({ status: 404, error: { message: "No such event", data: { code: "NOT_FOUND", fieldErrors: null, conflict: null } } });
    expect(await call("field", null, "POST")).toMatchObject({
      status: 409,
      error: { message: "A team with this name exists.", data: { code: "CONFLICT", fieldErrors: { name: ["A team with this name exists."] } } },
    });
    const conflict = await call("stale", null, "POST");
    expect(conflict).toMatchObject({ status: 409, error: { message: "This record was changed since you opened it: review the changes, then save again." } });
    expect(conflict.error.data.conflict).toMatchObject({ version: 3, values: { title: "Now" } });
    expect(await call("throttled")).toMatchObject({ status: 429, error: { message: "Wait." } });
    expect(await call("outage")).toMatchObject({ status: 503, error: { message: DATABASE_UNAVAILABLE_MESSAGE } });
  });

  it("reaches a server-side caller as the matching TRPCError, with the app error as its cause", async () => {
    const caller = createCallerFactory(refusing)(createContextInner({ db }));
    const error = await caller.stale().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).cause).toBeInstanceOf(StaleVersionError);
  });

  it("reaches a page's caller as a TRPCError Next.js logs on one line when the database refused, with a stack when it is a bug", async () => {
    const caller = createCallerFactory(refusing)(createContextInner({ db }));
    const outage = await caller.outage().catch((e: unknown) => e);
    expect(inspect(outage)).toBe(`TRPCError: ${DATABASE_UNAVAILABLE_MESSAGE} ← AppError: ${DATABASE_UNAVAILABLE_MESSAGE} ← Error: connect ECONNREFUSED`);
    expect(inspect(await caller.missing().catch((e: unknown) => e))).toMatch(/\n\s+at /);
  });

  it("climbs the ladder through the one gate: signed out 401, analysts 403 at an admin door", async () => {
    const analyst: SessionUser = { id: "u1", name: "A", email: "a@example.com", role: "analyst" };
    const admin: SessionUser = { ...analyst, id: "u2", role: "admin" };
    expect(await call("members")).toMatchObject({ status: 401, error: { message: "Sign in to continue.", data: { code: "UNAUTHORIZED" } } });
    expect((await call("members", analyst)).status).toBe(200);
    expect(await call("admins")).toMatchObject({ status: 401, error: { data: { code: "UNAUTHORIZED" } } });
    expect(await call("admins", analyst)).toMatchObject({ status: 403, error: { message: "Only admins may do this.", data: { code: "FORBIDDEN" } } });
    expect((await call("admins", admin)).status).toBe(200);
  });
});
