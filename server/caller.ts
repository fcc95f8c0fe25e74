// tRPC for React Server Components: the same router and context as over HTTP, without HTTP.
import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth/app-auth";
import { getDb, getReplicaDb } from "./db";
import { createCaller } from "./root";
import { AppError } from "./shared/errors";
import { createContext } from "./trpc";

/** One context per request (React's cache lives for one render): one session lookup per page. */
export const requestContext = cache(async () => {
  // Read first: it makes the render dynamic, so `next build` never prerenders a page (the
  // not-found page included) down to the database it does not have.
  const requestHeaders = await headers();
  return createContext({ db: getDb(), replica: getReplicaDb(), auth: getAuth(), headers: requestHeaders });
});

export const serverCaller = cache(async () => createCaller(await requestContext()));

/** A refusal that means "nothing here for you": an id that does not exist, or cannot (too long, empty). */
export function isMissing(error: unknown): boolean {
  return (error instanceof TRPCError || error instanceof AppError) && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

/**
 * The one way a page with an id in its address says "not found": the 404 page when the record is
 * absent (null, undefined) or its load is refused as missing; any other failure propagates.
 */
export async function orNotFound<T>(value: T | PromiseLike<T>): Promise<NonNullable<T>> {
  let found: T;
  try {
    found = await value;
  } catch (error) {
    if (isMissing(error)) notFound();
    throw error;
  }
  if (found === null || found === undefined) notFound();
  return found;
}
