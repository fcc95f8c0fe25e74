import Link from "next/link";
import { DyadList } from "./_components/relations/dyad-list";
import { AgreementFeed } from "./_components/feed/agreement-feed";
import { AgreementFilterBar } from "./_components/feed/filter-bar";
import { loadAgreementFeed } from "./_components/feed/prefetch";
import { HydrateClient } from "./_trpc/server";
import { agreementFiltersToSearchParams } from "@/server/agreements/filters";

// Always read the database at request time, never at build time.
export const dynamic = "force-dynamic";

/** The dashboard shows a short feed; /agreements has the long one. */
const DASHBOARD_FEED_PAGE = 10;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const feed = await loadAgreementFeed(await searchParams, DASHBOARD_FEED_PAGE);
  const query = agreementFiltersToSearchParams(feed.filters).toString();
  return (
    <HydrateClient>
      <h1>France and the Maghreb</h1>
      <div className="dashboard">
        <section className="panel" aria-labelledby="relations-heading">
          <h2 id="relations-heading">Tracked relations</h2>
          <DyadList dyads={feed.dyads} />
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
