// What a page with an agreements feed loads on the server: the filters, the filter bar's
// options, and the feed's first page (handed to the browser through HydrateClient).
import "server-only";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { hasAgreementFilters, readAgreementFilters, type SearchParamsLike } from "@/server/agreements/filters";
import type { AgreementFilters } from "@/server/agreements/schemas";
import { serverCaller } from "@/server/caller";
import type { FilterValues } from "../filters/filter-bar";
import { dyadTitle } from "../format";
import { feedInput, nextPageOf } from "./feed-query";

/** For /agreements: filters from the URL, and the filter bar's options (dyads, sectors). */
export async function loadAgreementFeed(searchParams: SearchParamsLike, pageSize: number) {
  const { filters, ignored } = readAgreementFilters(searchParams);
  const caller = await serverCaller();
  const [dyads, sectors, feed] = await Promise.all([caller.relations.dyads(), caller.agreements.sectors(), prefetchAgreementFeed(filters, pageSize)]);
  return { ...feed, ignored, dyadOptions: dyads.map((d) => ({ key: d.key, label: dyadTitle(d) })), sectors };
}

/** The filter bar's view of a feed's filters. */
export function filterValuesOf(filters: AgreementFilters): FilterValues {
  return {
    dyads: filters.dyads ?? [],
    from: filters.from ?? null,
    to: filters.to ?? null,
    q: filters.q ?? "",
    statuses: filters.statuses ?? [],
    sectors: filters.sectors ?? [],
    kinds: filters.kinds ?? [],
    party: filters.party ?? "",
  };
}

/** Prefetches a feed's first page for HydrateClient; the page already holds its filters. */
export async function prefetchAgreementFeed(filters: AgreementFilters, pageSize: number) {
  await getQueryClient().prefetchInfiniteQuery(
    trpc.agreements.list.infiniteQueryOptions(feedInput(filters, pageSize), { getNextPageParam: nextPageOf }),
  );
  return { filters, filtered: hasAgreementFilters(filters) };
}
