import Link from "next/link";
import { AgreementFeed } from "./_components/feed/agreement-feed";
import { AgreementFilterBar } from "./_components/feed/filter-bar";
import { loadAgreementFeed } from "./_components/feed/prefetch";
import { IndicatorCards } from "./_components/relations/indicator-cards";
import { HydrateClient } from "./_trpc/server";
import { agreementFiltersToSearchParams } from "@/server/agreements/filters";
import { serverCaller } from "@/server/caller";
import { fromDay, toDay } from "@/server/relations/day";

// Always read the database at request time, never at build time.
export const dynamic = "force-dynamic";

/** The dashboard shows a short feed; /agreements has the long one. */
const DASHBOARD_FEED_PAGE = 10;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await serverCaller();
  const today = toDay(new Date());
  const [cards, feed] = await Promise.all([caller.relations.summary(), loadAgreementFeed(await searchParams, DASHBOARD_FEED_PAGE)]);
  const keys = cards.map((c) => c.key).slice(0, 8);
  const series = keys.length
    ? await caller.relations.series({ dyads: keys, from: fromDay(today - 729), to: fromDay(today), granularity: "weekly" })
    : { dyads: [] };
  const sparklines = Object.fromEntries(series.dyads.map((d) => [d.key, d.points]));
  const query = agreementFiltersToSearchParams(feed.filters).toString();

  return (
    <HydrateClient>
      <h1>France and the Maghreb</h1>
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
          <AgreementFilterBar action="/" filters={feed.filters} dyads={feed.dyadOptions} sectors={feed.sectors} ignored={feed.ignored} />
          <AgreementFeed filters={feed.filters} filtered={feed.filtered} pageSize={DASHBOARD_FEED_PAGE} label="Latest agreements" clearHref="/" />
          <p className="meta">
            <Link href={query ? `/agreements?${query}` : "/agreements"}>All agreements with these filters, and exports</Link>
          </p>
        </section>
      </div>
    </HydrateClient>
  );
}
