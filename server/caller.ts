// tRPC for React Server Components: the same router and context as over HTTP, without HTTP.
import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth/app-auth";
import { getDb } from "./db";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/** One context per request (React's cache lives for one render): one session lookup per page. */
export const requestContext = cache(async () => {
  // Read first: it makes the render dynamic, so `next build` never prerenders a page (the
  // not-found page included) down to the database it does not have.
  const requestHeaders = await headers();
  return createContext({ db: getDb(), auth: getAuth(), headers: requestHeaders });
});

export const serverCaller = cache(async () => createCaller(await requestContext()));

/** A record a page asked for by id: an id that does not exist, or cannot, is the 404 page. */
export function orNotFound<T>(load: Promise<T>): Promise<T> {
  return load.catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
}
