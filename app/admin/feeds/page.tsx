import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FeedActions, KeywordsForm, RegisterFeedForm } from "@/app/_components/admin/feeds";
import { feedName, HeadlinesTable, when } from "@/app/_components/admin/headlines-table";
import { ColumnHeads } from "@/app/_components/column-heads";
import { Link } from "@/app/_components/link";
import { codeTag } from "@/app/_components/rich-tags";
import { getFormat } from "@/app/_components/server-format";
import { getPlaces } from "@/app/_components/server-places";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { HEADLINE_STATUSES, headlinesInput } from "@/server/feeds/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPages.feeds"))("title") };
}
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function FeedsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  const params = await searchParams;
  // Read leniently: an address edited by hand shows the first page of everything, not an error.
  const parsed = headlinesInput.safeParse({ feedId: one(params.feed), country: one(params.country), status: one(params.status), page: Number(one(params.page) ?? 1) });
  const filter = parsed.success ? parsed.data : headlinesInput.parse({});
  const api = await serverCaller();
  const [feeds, headlines, keywords, countries] = await Promise.all([api.feeds.list(), api.feeds.headlines(filter), api.feeds.keywords(), api.geo.countries()]);
  const [t, words, headlineWords, format, places] = await Promise.all([
    getTranslations("adminPages.feeds"),
    getTranslations("admin.controls.feeds"),
    getTranslations("adminPages.headlines"),
    getFormat(),
    getPlaces(),
  ]);
  const query = (page: number) =>
    `/admin/feeds?${new URLSearchParams(Object.entries({ feed: filter.feedId ?? "", country: filter.country ?? "", status: filter.status ?? "", page: String(page) }).filter(([, v]) => v)).toString()}#headlines`;

  return (
    <>
      <p>
        <Link href="/admin">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>

      <h2>{t("feeds")}</h2>
      {feeds.length === 0 ? (
        <p className="empty">{t("noFeeds")}</p>
      ) : (
        <table className="panel table">
          <caption className="visually-hidden">{t("feedsCaption")}</caption>
          <ColumnHeads columns={[t("columns.feed"), t("columns.languageCountry"), t("columns.status"), t("columns.lastPoll"), t("columns.newHeadlines"), t("columns.actions")]} />
          <tbody>
            {feeds.map((f) => (
              <tr key={f.id}>
                <td>
                  <span dir="auto">{feedName(f)}</span>
                  <br />
                  <span className="meta" dir="ltr">
                    {f.url}
                  </span>
                </td>
                <td>
                  {words(`languages.${f.language}`)}, {places.country({ code: f.countryCode, name: f.countryCode })}
                </td>
                <td>
                  {f.active ? t("active") : t("paused")}
                  {f.lastError && (
                    <p className="error">
                      {t("lastError")} <span dir="auto">{f.lastError}</span>
                    </p>
                  )}
                </td>
                <td>{f.lastPolledAt ? when(format, f.lastPolledAt) : <span className="meta">{t("notPolled")}</span>}</td>
                <td>
                  <Link href={`/admin/feeds?feed=${f.id}&status=NEW#headlines`}>{format.number(f.newHeadlines)}</Link>
                </td>
                <td className="actions">
                  <FeedActions feed={{ id: f.id, name: feedName(f), active: f.active }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RegisterFeedForm countries={countries.map((c) => ({ code: c.code, name: places.country(c) }))} />

      <h2 id="headlines">{t("headlines")}</h2>
      <form method="get" action="/admin/feeds#headlines" className="filter-bar" aria-label={t("headlineFilters")}>
        <label>
          {t("feed")}{" "}
          <select name="feed" defaultValue={filter.feedId ?? ""}>
            <option value="">{t("any")}</option>
            {feeds.map((f) => (
              <option key={f.id} value={f.id}>
                {feedName(f)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("country")}{" "}
          <select name="country" defaultValue={filter.country ?? ""}>
            <option value="">{t("any")}</option>
            {keywords.map((c) => (
              <option key={c.code} value={c.code}>
                {places.country(c)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("status")}{" "}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("any")}</option>
            {HEADLINE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {headlineWords(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">{t("filter")}</button> <Link href="/admin/feeds#headlines">{t("clear")}</Link>
      </form>
      {headlines.items.length === 0 ? (
        <p className="empty">{headlines.total === 0 ? t("noHeadlines") : t("noneOnPage")}</p>
      ) : (
        <HeadlinesTable headlines={headlines.items} />
      )}
      <nav aria-label={t("pages")} className="range-links">
        {headlines.page > 1 && <Link href={query(headlines.page - 1)}>{t("newer")}</Link>}
        {headlines.total > 0 && <span>{t("pageOf", { page: format.number(headlines.page), pages: format.number(headlines.pages), total: headlines.total })}</span>}
        {headlines.page < headlines.pages && <Link href={query(headlines.page + 1)}>{t("older")}</Link>}
      </nav>

      <h2>{t("keywords")}</h2>
      <p>{t.rich("keywordsHelp", { code: codeTag })}</p>
      {keywords.length === 0 ? (
        <p className="empty">{t("noDyads")}</p>
      ) : (
        keywords.map((lists) => <KeywordsForm key={lists.code} lists={{ ...lists, name: places.country(lists) }} />)
      )}
    </>
  );
}
