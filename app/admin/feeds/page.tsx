import type { Metadata } from "next";
import { FeedActions, KeywordsForm, RegisterFeedForm } from "@/app/_components/admin/feeds";
import { feedName, HeadlinesTable, when } from "@/app/_components/admin/headlines-table";
import { ColumnHeads } from "@/app/_components/column-heads";
import { humanize } from "@/app/_components/format";
import { Link } from "@/app/_components/link";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { FEED_LANGUAGE_NAMES, HEADLINE_STATUSES, headlinesInput } from "@/server/feeds/schemas";

export const metadata: Metadata = { title: "News feeds" };
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
  const query = (page: number) =>
    `/admin/feeds?${new URLSearchParams(Object.entries({ feed: filter.feedId ?? "", country: filter.country ?? "", status: filter.status ?? "", page: String(page) }).filter(([, v]) => v)).toString()}#headlines`;

  return (
    <>
      <p>
        <Link href="/admin">← Admin</Link>
      </p>
      <h1>News feeds</h1>
      <p className="lede">
        Registered RSS and Atom feeds are polled on a schedule. Items that name a tracked country other than the outlet&apos;s own become headlines; make
        one into an event (the form opens prefilled) or dismiss it.
      </p>

      <h2>Feeds</h2>
      {feeds.length === 0 ? (
        <p className="empty">No feed is registered yet: add one below.</p>
      ) : (
        <table className="panel table">
          <caption className="visually-hidden">Registered feeds</caption>
          <ColumnHeads columns={["Feed", "Language, country", "Status", "Last poll", "New headlines", "Actions"]} />
          <tbody>
            {feeds.map((f) => (
              <tr key={f.id}>
                <td>
                  {feedName(f)}
                  <br />
                  <span className="meta">{f.url}</span>
                </td>
                <td>
                  {FEED_LANGUAGE_NAMES[f.language]}, {f.countryCode}
                </td>
                <td>
                  {f.active ? "active" : "paused"}
                  {f.lastError && (
                    <p className="error">
                      Last poll failed: {f.lastError}
                    </p>
                  )}
                </td>
                <td>{f.lastPolledAt ? when(f.lastPolledAt) : <span className="meta">not yet polled</span>}</td>
                <td>
                  <Link href={`/admin/feeds?feed=${f.id}&status=NEW#headlines`}>{f.newHeadlines}</Link>
                </td>
                <td className="actions">
                  <FeedActions feed={{ id: f.id, name: feedName(f), active: f.active }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RegisterFeedForm countries={countries.map((c) => ({ code: c.code, name: c.name }))} />

      <h2 id="headlines">Headlines</h2>
      <form method="get" action="/admin/feeds#headlines" className="filter-bar" aria-label="Headline filters">
        <label>
          Feed{" "}
          <select name="feed" defaultValue={filter.feedId ?? ""}>
            <option value="">Any</option>
            {feeds.map((f) => (
              <option key={f.id} value={f.id}>
                {feedName(f)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Country named{" "}
          <select name="country" defaultValue={filter.country ?? ""}>
            <option value="">Any</option>
            {keywords.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Status{" "}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any</option>
            {HEADLINE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">Filter</button> <Link href="/admin/feeds#headlines">Clear</Link>
      </form>
      {headlines.items.length === 0 ? (
        <p className="empty">{headlines.total === 0 ? "No headline matches these filters yet: headlines appear after the next poll of an active feed." : "No headline on this page."}</p>
      ) : (
        <HeadlinesTable headlines={headlines.items} />
      )}
      <nav aria-label="Headline pages" className="range-links">
        {headlines.page > 1 && <Link href={query(headlines.page - 1)}>Newer</Link>}
        {headlines.total > 0 && (
          <span>
            Page {headlines.page} of {headlines.pages} ({headlines.total.toLocaleString("en")} headlines)
          </span>
        )}
        {headlines.page < headlines.pages && <Link href={query(headlines.page + 1)}>Older</Link>}
      </nav>

      <h2>Keywords</h2>
      <p>
        A headline names a country when its title or summary holds one of the country&apos;s keywords, in any of the three lists. Case and accents do not
        matter; a keyword matches whole words, and a trailing <code>*</code> any ending (<code>marocain*</code>: marocaine, marocains). Arabic keywords are
        also found behind the article and و ب ل ف ك.
      </p>
      {keywords.length === 0 ? (
        <p className="empty">No dyad is tracked, so no country is looked for.</p>
      ) : (
        keywords.map((lists) => <KeywordsForm key={lists.code} lists={lists} />)
      )}
    </>
  );
}
