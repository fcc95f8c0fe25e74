import { TRPCError } from "@trpc/server";
import { DyadList, dyadTitle } from "./_components/relations/dyad-list";
import { LatestAgreements } from "./_components/feed/latest-agreements";
import { FilterBar } from "./_components/filters/filter-bar";
import { OpenedView } from "./_components/views/opened-view";
import { SaveViewDialog } from "./_components/views/save-view-dialog";
import { HydrateClient, getQueryClient, trpc } from "./_trpc/server";
import { LATEST_AGREEMENTS_PAGE } from "@/server/agreements/schemas";
import { requireUser } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { filterOf } from "@/server/views/state";
import { viewStateFromSearchParams, VIEW_PARAM, type SearchParamsRecord } from "@/server/views/url";

// Always read the database at request time, never at build time.
export const dynamic = "force-dynamic";

/** A view the user cannot open leaves the dashboard as its URL says, without naming the view. */
function unlessMissing(error: unknown): null {
  if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
  throw error;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requireUser();
  const params = await searchParams;
  // The whole dashboard state comes from the URL, through the saved-view schema.
  const state = viewStateFromSearchParams(params);
  const filter = filterOf(state);
  const viewParam = params[VIEW_PARAM];
  const viewId = Array.isArray(viewParam) ? viewParam[0] : viewParam;
  const caller = await serverCaller();
  const [allDyads, dyads, teams, openedView] = await Promise.all([
    caller.relations.dyads(),
    caller.relations.dyads(filter),
    caller.teams.list(),
    viewId ? caller.views.get({ id: viewId }).catch(unlessMissing) : null,
    getQueryClient().prefetchQuery(trpc.agreements.latest.queryOptions({ limit: LATEST_AGREEMENTS_PAGE, ...filter })),
  ]);
  const shareable = teams.filter((team) => team.myRole !== null).map(({ id, name }) => ({ id, name }));
  const shows = (panel: (typeof state.panels)[number]) => state.panels.includes(panel);
  return (
    <HydrateClient>
      <h1>France and the Maghreb</h1>
      {openedView && <OpenedView view={openedView} state={state} />}
      <div className="toolbar">
        <FilterBar dyads={allDyads.map((d) => ({ key: d.key, title: dyadTitle(d) }))} state={state} viewId={openedView?.id} />
        <SaveViewDialog state={state} teams={shareable} />
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
