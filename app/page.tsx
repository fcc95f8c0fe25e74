import { DyadList, dyadTitle } from "./_components/relations/dyad-list";
import { LatestAgreements } from "./_components/feed/latest-agreements";
import { FilterBar } from "./_components/filters/filter-bar";
import { HydrateClient, getQueryClient, trpc } from "./_trpc/server";
import { LATEST_AGREEMENTS_PAGE } from "@/server/agreements/schemas";
import { requireUser } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { filterOf } from "@/server/views/state";
import { viewStateFromSearchParams, type SearchParamsRecord } from "@/server/views/url";

// Always read the database at request time, never at build time.
export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requireUser();
  // The whole dashboard state comes from the URL, through the saved-view schema.
  const state = viewStateFromSearchParams(await searchParams);
  const filter = filterOf(state);
  const caller = await serverCaller();
  const [allDyads, dyads] = await Promise.all([
    caller.relations.dyads(),
    caller.relations.dyads(filter),
    getQueryClient().prefetchQuery(trpc.agreements.latest.queryOptions({ limit: LATEST_AGREEMENTS_PAGE, ...filter })),
  ]);
  const shows = (panel: (typeof state.panels)[number]) => state.panels.includes(panel);
  return (
    <HydrateClient>
      <h1>France and the Maghreb</h1>
      <div className="toolbar">
        <FilterBar dyads={allDyads.map((d) => ({ key: d.key, title: dyadTitle(d) }))} state={state} />
      </div>
      <div className="dashboard">
        {shows("relations") && (
          <section className="panel" aria-labelledby="relations-heading">
            <h2 id="relations-heading">Tracked relations</h2>
            <DyadList dyads={dyads} />
          </section>
        )}
        {shows("agreements") && (
          <section className="panel" aria-labelledby="agreements-heading">
            <h2 id="agreements-heading">Latest agreements</h2>
            <LatestAgreements filter={filter} />
          </section>
        )}
      </div>
    </HydrateClient>
  );
}
