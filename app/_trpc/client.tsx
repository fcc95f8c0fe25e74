"use client";
// tRPC + TanStack Query in the browser.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { z } from "zod";
import { MAX_BATCH_SIZE } from "@/server/http/request-limits";
import type { AppRouter } from "@/server/root";
import { makeQueryClient } from "./query-client";

// zod probes for eval (`new Function`) on first parse to compile faster validators; under our CSP
// (no 'unsafe-eval') the probe fails harmlessly but the browser reports a violation. This module
// loads on every page (the root layout), before any form or URL state is parsed.
if (typeof window !== "undefined") z.config({ jitless: true });

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  // On the server each render gets its own client; in the browser one lives for the page.
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
