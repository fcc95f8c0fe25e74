import Link from "next/link";
import { LatestAgreements } from "./_components/feed/latest-agreements";
import { DashboardMap } from "./_components/map/dashboard-map";
import { IndicatorCards } from "./_components/relations/indicator-cards";
import { HydrateClient, getQueryClient, trpc } from "./_trpc/server";
import { LATEST_AGREEMENTS_PAGE } from "@/server/agreements/schemas";
import { serverCaller } from "@/server/caller";
import { env } from "@/server/env";
import { fromDay, toDay } from "@/server/relations/day";

// Always read the database at request time, never at build time.
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const caller = await serverCaller();
  const today = toDay(new Date());
  const [cards, countries] = await Promise.all([
    caller.relations.summary(),
    caller.geo.countries(),
    getQueryClient().prefetchQuery(trpc.agreements.latest.queryOptions({ limit: LATEST_AGREEMENTS_PAGE })),
  ]);
  const keys = cards.map((c) => c.key).slice(0, 8);
  const series = keys.length
    ? await caller.relations.series({ dyads: keys, from: fromDay(today - 729), to: fromDay(today), granularity: "weekly" })
    : { dyads: [] };
  const sparklines = Object.fromEntries(series.dyads.map((d) => [d.key, d.points]));

  return (
    <HydrateClient>
      <h1>France and the Maghreb</h1>
      <section className="panel map-panel" aria-labelledby="map-heading">
        <h2 id="map-heading">Map</h2>
        <DashboardMap
          summaries={cards.map(({ key, label, a, b, value, band, bandLabel }) => ({ key, label, a, b, value, band, bandLabel }))}
          countries={countries}
          tiles={env.MAP_TILE_URL ? { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION ?? "" } : null}
          today={fromDay(today)}
        />
      </section>
      <div className="dashboard">
        <section className="panel" aria-labelledby="relations-heading">
          <h2 id="relations-heading">Relations index</h2>
          <p className="meta">
            −100 open hostility · +100 close partnership. <Link href="/methodology">How it is computed</Link>
          </p>
          <IndicatorCards cards={cards} sparklines={sparklines} />
        </section>
        <section className="panel" aria-labelledby="agreements-heading">
          <h2 id="agreements-heading">Latest agreements</h2>
          <LatestAgreements />
        </section>
      </div>
    </HydrateClient>
  );
}
