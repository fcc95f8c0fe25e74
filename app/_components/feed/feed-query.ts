// The feed's infinite query, spelled once for the server's prefetch and the browser's hook so
// that both land on the same cache entry.
import type { AgreementFilters } from "@/server/agreements/schemas";

export const feedInput = (filters: AgreementFilters, limit: number) => ({ filters, limit });

export const nextPageOf = (page: { nextCursor: string | null }) => page.nextCursor;
