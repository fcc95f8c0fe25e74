import type { Metadata } from "next";
import { AgreementFeed } from "@/app/_components/feed/agreement-feed";
import { AgreementAlertMe } from "@/app/_components/alerts/agreement-alert-me";
import { ExportLinks } from "@/app/_components/feed/export-links";
import { filterValuesOf, loadAgreementFeed } from "@/app/_components/feed/prefetch";
import { FilterBar } from "@/app/_components/filters/filter-bar";
import { HydrateClient } from "@/app/_trpc/server";
import { describeAgreementFilters } from "@/server/agreements/filters";
import { AGREEMENT_PAGE_SIZE } from "@/server/agreements/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agreements" };

export default async function AgreementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const feed = await loadAgreementFeed(await searchParams, AGREEMENT_PAGE_SIZE);
  return (
    <HydrateClient>
      <h1>Agreements</h1>
      <p className="lede">
        What France and the Maghreb states signed, by whom, for how much, where each stands now, and the source of each claim.
        Newest first; a search lists title matches first.
      </p>
      <section className="panel" aria-label="Agreements feed">
        <FilterBar
          scope="agreements"
          action="/agreements"
          values={filterValuesOf(feed.filters)}
          dyads={feed.dyadOptions}
          sectors={feed.sectors}
          ignored={feed.ignored}
          clearHref="/agreements"
        />
        <ExportLinks filters={feed.filters} />
        {feed.filtered && <AgreementAlertMe filters={feed.filters} words={describeAgreementFilters(feed.filters)} />}
        <AgreementFeed
          filters={feed.filters}
          filtered={feed.filtered}
          pageSize={AGREEMENT_PAGE_SIZE}
          label="Agreements"
          clearHref="/agreements"
          infiniteScroll
        />
      </section>
    </HydrateClient>
  );
}
