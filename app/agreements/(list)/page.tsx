import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgreementFeed } from "@/app/_components/feed/agreement-feed";
import { AgreementAlertMe } from "@/app/_components/alerts/agreement-alert-me";
import { ExportLinks } from "@/app/_components/feed/export-links";
import { filterValuesOf, loadAgreementFeed } from "@/app/_components/feed/prefetch";
import { FilterBar } from "@/app/_components/filters/filter-bar";
import { HydrateClient } from "@/app/_trpc/server";
import { describeAgreementFilters } from "@/server/agreements/filters";
import { AGREEMENT_PAGE_SIZE } from "@/server/agreements/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements.list");
  return { title: t("metaTitle") };
}

export default async function AgreementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [feed, t] = await Promise.all([loadAgreementFeed(await searchParams, AGREEMENT_PAGE_SIZE), getTranslations("agreements.list")]);
  return (
    <HydrateClient>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <section className="panel" aria-label={t("region")}>
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
          label={t("label")}
          clearHref="/agreements"
          infiniteScroll
        />
      </section>
    </HydrateClient>
  );
}
