// tRPC's one initialisation: context shape, error shape and the procedure ladder.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "./db-client";
import { StaleVersionError } from "./shared/errors";

export interface Context {
  db: Db;
  headers: Headers;
}

/** Builds a context from its parts: the route handler, server components and tests share it. */
export function createContextInner(opts: { db: Db; headers?: Headers }): Context {
  return { db: opts.db, headers: opts.headers ?? new Headers() };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms; never a stack trace in a response.
        fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
        // On a version conflict, what the record holds now, so the editor can show the changes.
        conflict: error.cause instanceof StaleVersionError ? error.cause.current : null,
        stack: undefined,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
