// What a page with an agreements feed loads on the server: the filters from its URL, the
// filter bar's options, and the feed's first page (handed to the browser through HydrateClient).
import "server-only";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { hasAgreementFilters, readAgreementFilters, type SearchParamsLike } from "@/server/agreements/filters";
import { serverCaller } from "@/server/caller";
import { dyadTitle } from "../format";
import { feedInput, nextPageOf } from "./feed-query";

export async function loadAgreementFeed(searchParams: SearchParamsLike, pageSize: number) {
  const { filters, ignored } = readAgreementFilters(searchParams);
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
    ignored,
    filtered: hasAgreementFilters(filters),
    dyads,
    dyadOptions: dyads.map((d) => ({ key: d.key, label: dyadTitle(d) })),
    sectors,
  };
}
