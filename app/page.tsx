import { getTranslations } from "next-intl/server";
import { tenth } from "@/app/_components/charts/chart-points";
import { Link } from "@/app/_components/link";
import { AgreementFeed } from "./_components/feed/agreement-feed";
import { prefetchAgreementFeed } from "./_components/feed/prefetch";
import { FilterBar } from "./_components/filters/filter-bar";
import { DashboardMap } from "./_components/map/dashboard-map";
import { IndicatorCards } from "./_components/relations/indicator-cards";
import { MethodVersion } from "./_components/relations/method-version";
import { getPlaces } from "./_components/server-places";
import { OpenedView } from "./_components/views/opened-view";
import { SaveViewDialog } from "./_components/views/save-view-dialog";
import { HydrateClient } from "./_trpc/server";
import { agreementFiltersToSearchParams } from "@/server/agreements/filters";
import type { AgreementFilters } from "@/server/agreements/schemas";
import { requireUser } from "@/server/auth/page-guards";
import { isMissing, serverCaller } from "@/server/caller";
import { env } from "@/server/env";
import { METHOD } from "@/server/method/params";
import { isoDayOf } from "@/server/scope/schemas";
import { paramValue } from "@/server/scope/url";
import { dashboardDays } from "@/server/views/dashboard-days";
import type { ViewState } from "@/server/views/state";
import { dashboardHref, readViewState, VIEW_PARAM, type SearchParamsRecord } from "@/server/views/url";

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
  const { state, ignored } = readViewState(params);
  const viewId = paramValue(params, VIEW_PARAM);
  const caller = await serverCaller();
  const today = isoDayOf(new Date());
  const shows = (panel: (typeof state.panels)[number]) => state.panels.includes(panel);
  const { asOf, past, sparklines: sparkRange } = dashboardDays(state, today);
  const [allDyads, sectors, cards, teams, openedView, feed, countries] = await Promise.all([
    caller.relations.dyads(),
    caller.agreements.sectors(),
    caller.relations.summary({ dyads: state.dyads.length ? state.dyads : undefined, asOf }),
    caller.teams.list(),
    viewId ? caller.views.get({ id: viewId }).catch(unlessMissing) : null,
    prefetchAgreementFeed(feedFiltersOf(state), DASHBOARD_FEED_PAGE),
    shows("map") ? caller.geo.countries() : [],
  ]);
  const keys = cards.map((c) => c.key).slice(0, 8);
  const series = keys.length ? await caller.relations.series({ dyads: keys, ...sparkRange, markers: false }) : { dyads: [] };
  // Only what a sparkline draws, the values in order: days, pulse and ledger would triple the page's payload for nothing.
  const sparklines = Object.fromEntries(series.dyads.map((d) => [d.key, d.points.map((p) => tenth(p.index))]));
  const shareable = teams.filter((team) => team.myRole !== null).map(({ id, name }) => ({ id, name }));
  const feedQuery = agreementFiltersToSearchParams(feed.filters).toString();
  const [t, places] = await Promise.all([getTranslations("dashboard"), getPlaces()]);
  // Named once here in the reader's language, for the cards, the map and the filter bar alike.
  const named = cards.map((card) => ({ ...card, label: places.dyad(card), bandLabel: places.band(card.band, card.bandLabel), a: { ...card.a, name: places.country(card.a) }, b: { ...card.b, name: places.country(card.b) } }));

  return (
    <HydrateClient>
      <h1>{t("title")}</h1>
      {openedView && <OpenedView view={openedView} state={state} />}
      <div className="toolbar">
        <FilterBar
          scope="dashboard"
          action="/"
          values={state}
          dyads={allDyads.map((d) => ({ key: d.key, label: places.dyad(d) }))}
          sectors={sectors}
          ignored={ignored}
          clearHref={dashboardHref({ ...state, dyads: [], from: null, to: null, q: "", sectors: [], statuses: [] }, openedView?.id)}
          viewId={openedView?.id}
        />
        <SaveViewDialog state={state} teams={shareable} />
      </div>
      {shows("map") && (
        <section className="panel map-panel" aria-labelledby="map-heading">
          <h2 id="map-heading">{t("mapHeading")}</h2>
          <DashboardMap
            summaries={named.map(({ key, label, a, b, value, band, bandLabel }) => ({ key, label, a, b, value, band, bandLabel }))}
            countries={countries.map((c) => ({ ...c, name: places.country(c), statusNote: places.statusNote(c) }))}
            tiles={env.MAP_TILE_URL ? { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION ?? "" } : null}
            today={today}
          />
        </section>
      )}
      <div className="dashboard">
        {shows("relations") && (
          <section className="panel" aria-labelledby="relations-heading">
            <h2 id="relations-heading">{past ? t("relationsAsOf", { day: asOf }) : t("relations")}</h2>
            <p className="meta">
              {t("scale")} <Link href="/methodology">{t("howComputed")}</Link> ·{" "}
              <MethodVersion version={cards[0]?.methodVersion ?? METHOD.version} />
            </p>
            <IndicatorCards cards={named} sparklines={sparklines} />
          </section>
        )}
        {shows("agreements") && (
          <section className="panel" aria-labelledby="agreements-heading">
            <h2 id="agreements-heading">{t("agreements")}</h2>
            <AgreementFeed filters={feed.filters} filtered={feed.filtered} pageSize={DASHBOARD_FEED_PAGE} label={t("agreements")} clearHref="/" />
            <p className="meta">
              <Link href={feedQuery ? `/agreements?${feedQuery}` : "/agreements"}>{t("allAgreements")}</Link>
            </p>
          </section>
        )}
      </div>
    </HydrateClient>
  );
}
