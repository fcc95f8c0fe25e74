import { Link } from "@/app/_components/link";
import { AgreementFeed } from "./_components/feed/agreement-feed";
import { prefetchAgreementFeed } from "./_components/feed/prefetch";
import { FilterBar } from "./_components/filters/filter-bar";
import { DashboardMap } from "./_components/map/dashboard-map";
import { IndicatorCards } from "./_components/relations/indicator-cards";
import { OpenedView } from "./_components/views/opened-view";
import { SaveViewDialog } from "./_components/views/save-view-dialog";
import { HydrateClient } from "./_trpc/server";
import { agreementFiltersToSearchParams } from "@/server/agreements/filters";
import type { AgreementFilters } from "@/server/agreements/schemas";
import { requireUser } from "@/server/auth/page-guards";
import { isMissing, serverCaller } from "@/server/caller";
import { env } from "@/server/env";
import { fromDay, toDay } from "@/server/method/day";
import type { ViewState } from "@/server/views/state";
import { viewStateFromSearchParams, VIEW_PARAM, type SearchParamsRecord } from "@/server/views/url";

// Always read the database at request time, never at build time.
export const dynamic = "force-dynamic";

/** The dashboard shows a short feed; /agreements has the long one. */
const DASHBOARD_FEED_PAGE = 10;

/** A view the user cannot open leaves the dashboard as its URL says, without naming the view. */
function unlessMissing(error: unknown): null {
  if (isMissing(error)) return null;
  throw error;
}

/** The feed follows the dashboard's one filter state: dyads, dates, sectors, statuses, search. */
function feedFiltersOf(state: ViewState): AgreementFilters {
  return {
    dyads: state.dyads.length ? state.dyads : undefined,
    from: state.from ?? undefined,
    to: state.to ?? undefined,
    sectors: state.sectors.length ? state.sectors : undefined,
    statuses: state.statuses.length ? state.statuses : undefined,
    q: state.q || undefined,
  };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requireUser();
  const params = await searchParams;
  // The whole dashboard state comes from the URL, through the saved-view schema.
  const state = viewStateFromSearchParams(params);
  const viewParam = params[VIEW_PARAM];
  const viewId = Array.isArray(viewParam) ? viewParam[0] : viewParam;
  const caller = await serverCaller();
  const today = toDay(new Date());
  const shows = (panel: (typeof state.panels)[number]) => state.panels.includes(panel);
  // The indicators stand as of the end of the chosen range (today when it is open).
  const asOf = state.to && toDay(state.to) < today ? toDay(state.to) : today;
  const [allDyads, sectors, cards, teams, openedView, feed, countries] = await Promise.all([
    caller.relations.dyads(),
    caller.agreements.sectors(),
    caller.relations.summary({ dyads: state.dyads.length ? state.dyads : undefined, asOf: fromDay(asOf) }),
    caller.teams.list(),
    viewId ? caller.views.get({ id: viewId }).catch(unlessMissing) : null,
    prefetchAgreementFeed(feedFiltersOf(state), DASHBOARD_FEED_PAGE),
    shows("map") ? caller.geo.countries() : [],
  ]);
  const keys = cards.map((c) => c.key).slice(0, 8);
  const sparkFrom = state.from ? Math.max(toDay(state.from), asOf - 7300) : asOf - 729;
  const series = keys.length
    ? await caller.relations.series({ dyads: keys, from: fromDay(Math.min(sparkFrom, asOf)), to: fromDay(asOf), granularity: asOf - sparkFrom > 400 ? "weekly" : "daily", markers: false })
    : { dyads: [] };
  // Only what a sparkline draws: pulse and ledger would double the page's payload for nothing.
  const sparklines = Object.fromEntries(series.dyads.map((d) => [d.key, d.points.map(({ day, index }) => ({ day, index }))]));
  const shareable = teams.filter((team) => team.myRole !== null).map(({ id, name }) => ({ id, name }));
  const feedQuery = agreementFiltersToSearchParams(feed.filters).toString();

  return (
    <HydrateClient>
      <h1>France and the Maghreb</h1>
      {openedView && <OpenedView view={openedView} state={state} />}
      <div className="toolbar">
        <FilterBar dyads={allDyads.map((d) => ({ key: d.key, title: d.label }))} sectors={sectors} state={state} viewId={openedView?.id} />
        <SaveViewDialog state={state} teams={shareable} />
      </div>
      {shows("map") && (
        <section className="panel map-panel" aria-labelledby="map-heading">
          <h2 id="map-heading">Map</h2>
          <DashboardMap
            summaries={cards.map(({ key, label, a, b, value, band, bandLabel }) => ({ key, label, a, b, value, band, bandLabel }))}
            countries={countries}
            tiles={env.MAP_TILE_URL ? { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION ?? "" } : null}
            today={fromDay(today)}
          />
        </section>
      )}
      <div className="dashboard">
        {shows("relations") && (
          <section className="panel" aria-labelledby="relations-heading">
            <h2 id="relations-heading">Relations index{asOf < today ? ` as of ${fromDay(asOf)}` : ""}</h2>
            <p className="meta">
              −100 open hostility · +100 close partnership. <Link href="/methodology">How it is computed</Link>
            </p>
            <IndicatorCards cards={cards} sparklines={sparklines} />
          </section>
        )}
        {shows("agreements") && (
          <section className="panel" aria-labelledby="agreements-heading">
            <h2 id="agreements-heading">Latest agreements</h2>
            <AgreementFeed filters={feed.filters} filtered={feed.filtered} pageSize={DASHBOARD_FEED_PAGE} label="Latest agreements" clearHref="/" />
            <p className="meta">
              <Link href={feedQuery ? `/agreements?${feedQuery}` : "/agreements"}>All agreements with these filters, and exports</Link>
            </p>
          </section>
        )}
      </div>
    </HydrateClient>
  );
}
