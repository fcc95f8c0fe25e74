import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { ScopeNotice } from "@/app/_components/filters/scope-notice";
import { getPlaces } from "@/app/_components/server-places";
import { HeadlinesTable } from "@/app/_components/admin/headlines-table";
import { DraftFilters, DyadChoice } from "@/app/_components/review/draft-filters";
import { DraftQueue } from "@/app/_components/review/draft-queue";
import { AutoAcceptRules, ReviewQueue } from "@/app/_components/review/review-queue";
import { requireAdmin } from "@/server/auth/page-guards";
import { draftQueueAddress, draftQueueFiltersOf, DRAFT_QUEUE_PARAMS, narrowsDrafts } from "@/server/drafts/queue-schemas";
import { headlinesInput } from "@/server/feeds/schemas";
import { serverCaller } from "@/server/caller";
import { decodeQueueCursor } from "@/server/review/cursor";
import { GDELT_EVENT_DEFAULTS } from "@/server/review/gdelt-event";
import { reviewAddress } from "@/server/review/schemas";
import { parseLeniently } from "@/server/scope/lenient";
import { paramValue } from "@/server/scope/url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("page.title") };
}
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const ADDRESS_PARAMS = ["dyad", "minScore", "minSources", "after"] as const;
/** The newest new headlines shown under the clusters; the rest are on /admin/feeds. */
const HEADLINES_SHOWN = 10;

/** The address's values for these parameters, blank ones left out. */
const given = (params: Params, names: readonly string[]) =>
  Object.fromEntries(names.flatMap((name) => (paramValue(params, name)?.trim() ? [[name, paramValue(params, name)]] : [])));

/** Name/value pairs of the set ones, for links and the other form's hidden fields. */
const pairsOf = (values: Record<string, string | number | undefined>) => Object.entries(values).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]));

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  const params = await searchParams;
  const { data: address, dropped } = parseLeniently(reviewAddress, given(params, ADDRESS_PARAMS));
  const { data: draftAddress, dropped: draftDropped } = parseLeniently(draftQueueAddress, given(params, DRAFT_QUEUE_PARAMS));
  // A page link that is not one of ours opens the first page, and the notice says so.
  const after = address.after && decodeQueueCursor(address.after) ? address.after : undefined;
  const ignored = [...dropped, ...draftDropped, ...(address.after && !after ? ["after"] : [])];
  const filters = { dyad: address.dyad, minScore: address.minScore, minSources: address.minSources };
  const caller = await serverCaller();
  const [drafts, authors, page, rules, headlines, t, events, places] = await Promise.all([
    caller.drafts.open(draftQueueFiltersOf(draftAddress)),
    caller.drafts.authors(),
    caller.review.queue({ ...filters, cursor: after }),
    caller.review.rules(),
    caller.feeds.headlines(headlinesInput.parse({ status: "NEW" })),
    getTranslations("review"),
    getTranslations("events"),
    getPlaces(),
  ]);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const draftPairs = pairsOf(draftAddress);
  const href = (extra: Record<string, string | undefined>) => {
    const query = new URLSearchParams([...pairsOf({ ...filters, ...extra }), ...draftPairs]);
    return `/admin/review${query.size ? `?${query.toString()}` : ""}`;
  };
  const dyads = rules.map((r) => ({ key: r.dyad, label: places.dyadOfKey(r.dyad, r.label) }));
  const auditLink = (entityType: string) => (chunks: ReactNode) => <Link href={`/admin/audit?entityType=${entityType}`}>{chunks}</Link>;

  return (
    <>
      <h1>{t("page.title")}</h1>
      <p className="meta">
        {t.rich("page.intro", {
          level: events(`levels.${GDELT_EVENT_DEFAULTS.level}`),
          verification: events(`verifications.${GDELT_EVENT_DEFAULTS.verification}`),
          link: auditLink("CandidateCluster"),
        })}
      </p>
      <ScopeNotice ignored={ignored} />
      <section aria-labelledby="drafts" className="review-drafts">
        <h2 id="drafts">{t("drafts.heading")}</h2>
        <p className="meta">{t.rich("drafts.intro", { link: auditLink("Draft") })}</p>
        <DraftFilters address={draftAddress} dyads={dyads} authors={authors} keep={pairsOf({ ...filters })} />
        <DraftQueue drafts={drafts} empty={narrowsDrafts(draftAddress) ? t("drafts.emptyFiltered") : t("drafts.empty")} />
      </section>
      <h2>{t("page.clusters")}</h2>
      <form method="get" action="/admin/review" className="filter-bar" aria-label={t("clusters.filters")}>
        {draftPairs.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <DyadChoice name="dyad" label={t("clusters.dyad")} all={t("clusters.allDyads")} value={filters.dyad} dyads={dyads} />
        <label>
          <span>{t("clusters.minScore")}</span>
          <input name="minScore" inputMode="decimal" size={5} defaultValue={filters.minScore ?? ""} />
        </label>
        <label>
          <span>{t("clusters.minSources")}</span>
          <input name="minSources" inputMode="numeric" size={5} defaultValue={filters.minSources ?? ""} />
        </label>
        <button type="submit">{t("clusters.apply")}</button> {filtered && <Link href={href({ dyad: undefined, minScore: undefined, minSources: undefined })}>{t("clusters.clear")}</Link>}
      </form>
      {page.items.length === 0 ? <p className="empty">{filtered ? t("clusters.emptyFiltered") : t("clusters.empty")}</p> : <ReviewQueue items={page.items} />}
      {(after || page.nextCursor) && (
        <nav aria-label={t("clusters.pages")} className="actions">
          {after && <Link href={href({})}>{t("clusters.newest")}</Link>}
          {page.nextCursor && (
            <Link href={href({ after: page.nextCursor })} rel="next">
              {t("clusters.older")}
            </Link>
          )}
        </nav>
      )}
      <section aria-labelledby="headlines-heading">
        <h2 id="headlines-heading">{t("page.headlines")}</h2>
        {headlines.total === 0 ? (
          <p className="empty">{t("page.noHeadline")}</p>
        ) : (
          <>
            <HeadlinesTable headlines={headlines.items.slice(0, HEADLINES_SHOWN)} caption={t("page.headlinesCaption")} />
            <p>
              <Link href="/admin/feeds?status=NEW#headlines">
                {headlines.total > HEADLINES_SHOWN ? t("page.allHeadlines", { count: headlines.total }) : t("page.headlinesAndFeeds")}
              </Link>
            </p>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t("page.autoAccept")}</h2>
        <p className="meta">{t("page.autoAcceptIntro")}</p>
        <AutoAcceptRules rules={rules.map((r) => ({ ...r, label: places.dyadOfKey(r.dyad, r.label) }))} />
      </section>
    </>
  );
}
