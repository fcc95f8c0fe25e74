// What a page with an agreements feed loads on the server: the filters, the filter bar's
// options, and the feed's first page (handed to the browser through HydrateClient).
import "server-only";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { hasAgreementFilters, readAgreementFilters, type SearchParamsLike } from "@/server/agreements/filters";
import type { AgreementFilters } from "@/server/agreements/schemas";
import { serverCaller } from "@/server/caller";
import { dyadTitle } from "../format";
import { feedInput, nextPageOf } from "./feed-query";

/** For a page whose URL holds agreement filters (/agreements). */
export async function loadAgreementFeed(searchParams: SearchParamsLike, pageSize: number) {
  const { filters, ignored } = readAgreementFilters(searchParams);
  return { ...(await loadAgreementFeedFor(filters, pageSize)), ignored };
}

/** For a page that already holds its filters (the dashboard, from its view state). */
export async function loadAgreementFeedFor(filters: AgreementFilters, pageSize: number) {
  const caller = await serverCaller();
  const [dyads, sectors] = await Promise.all([
    caller.relations.dyads(),
    caller.agreements.sectors(),
    getQueryClient().prefetchInfiniteQuery(
      trpc.agreements.list.infiniteQueryOptions(feedInput(filters, pageSize), { getNextPageParam: nextPageOf }),
    ),
  ]);
  return {
    filters,
    ignored: [] as string[],
    filtered: hasAgreementFilters(filters),
    dyads,
    dyadOptions: dyads.map((d) => ({ key: d.key, label: dyadTitle(d) })),
    sectors,
  };
}
