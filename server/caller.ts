// tRPC for React Server Components: the same router and context as over HTTP, without HTTP.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "./db";
import { createCaller } from "./root";
import { createContextInner } from "./trpc";

/** One context per request (React's cache lives for one render). */
export const requestContext = cache(async () => createContextInner({ db: getDb(), headers: await headers() }));

export const serverCaller = cache(async () => createCaller(await requestContext()));
