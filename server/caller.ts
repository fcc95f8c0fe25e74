// tRPC for React Server Components: the same router and context as over HTTP, without HTTP.
import "server-only";
import { headers } from "next/headers";
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
