import { QueryClient, defaultShouldDehydrateQuery } from "@tanstack/react-query";
import { deserialize, serialize } from "superjson";

/** Shared by the server (prefetch + dehydrate) and the browser (hydrate), so dates survive the trip. */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000 },
      dehydrate: {
        serializeData: serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: deserialize },
    },
  });
}
