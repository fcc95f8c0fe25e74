import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { ScopeNotice } from "@/app/_components/filters/scope-notice";
import { humanize } from "@/app/_components/format";
import { HeadlinesTable } from "@/app/_components/admin/headlines-table";
import { DraftList } from "@/app/_components/review/draft-list";
import { AutoAcceptRules, ReviewQueue } from "@/app/_components/review/review-queue";
import { requireAdmin } from "@/server/auth/page-guards";
import { headlinesInput } from "@/server/feeds/schemas";
import { serverCaller } from "@/server/caller";
import { decodeQueueCursor } from "@/server/review/cursor";
import { GDELT_EVENT_DEFAULTS } from "@/server/review/gdelt-event";
import { reviewAddress } from "@/server/review/schemas";
import { parseLeniently } from "@/server/scope/lenient";
import { paramValue } from "@/server/scope/url";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const ADDRESS_PARAMS = ["dyad", "minScore", "minSources", "after"] as const;
/** The newest new headlines shown under the clusters; the rest are on /admin/feeds. */
const HEADLINES_SHOWN = 10;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  const params = await searchParams;
  const raw = Object.fromEntries(ADDRESS_PARAMS.flatMap((name) => (paramValue(params, name)?.trim() ? [[name, paramValue(params, name)]] : [])));
  const { data: address, dropped } = parseLeniently(reviewAddress, raw);
  // A page link that is not one of ours opens the first page, and the notice says so.
  const after = address.after && decodeQueueCursor(address.after) ? address.after : undefined;
  const ignored = [...dropped, ...(address.after && !after ? ["after"] : [])];
  const filters = { dyad: address.dyad, minScore: address.minScore, minSources: address.minSources };
  const caller = await serverCaller();
  const [drafts, page, rules, headlines] = await Promise.all([
    caller.drafts.open(),
    caller.review.queue({ ...filters, cursor: after }),
    caller.review.rules(),
    caller.feeds.headlines(headlinesInput.parse({ status: "NEW" })),
  ]);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const href = (extra: Record<string, string | undefined>) => {
    const query = new URLSearchParams(Object.entries({ ...filters, ...extra }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    return `/admin/review${query.size ? `?${query.toString()}` : ""}`;
  };

  return (
    <>
      <h1>Review queue</h1>
      <p className="meta">
        What GDELT reported about the tracked dyads, one row per happening. Accept publishes it as an event (provenance GDELT, level{" "}
        {humanize(GDELT_EVENT_DEFAULTS.level)}, {humanize(GDELT_EVENT_DEFAULTS.verification)}) that counts in the index at once;
        Reject keeps it out for good. Both are kept in the <Link href="/admin/audit?entityType=CandidateCluster">audit log</Link>.
      </p>
      <section aria-labelledby="drafts" className="review-drafts">
        <h2 id="drafts">Drafts</h2>
        <p className="meta">
          Events, conditions and agreements that admins submitted for review. Nothing in a draft counts anywhere until an admin other than its author
          publishes it; returning it sends your comment back to the author. Both are kept in the{" "}
          <Link href="/admin/audit?entityType=Draft">audit log</Link>.
        </p>
        {drafts.length === 0 ? <p className="empty">No draft waiting for review.</p> : <DraftList drafts={drafts} />}
      </section>
      <h2>GDELT clusters</h2>
      <ScopeNotice ignored={ignored} />
      <form method="get" action="/admin/review" className="filter-bar" aria-label="Review filters">
        <label>
          <span>Dyad</span>
          <select name="dyad" defaultValue={filters.dyad ?? ""}>
            <option value="">All tracked dyads</option>
            {rules.map((r) => (
              <option key={r.dyad} value={r.dyad}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Least |score|</span>
          <input name="minScore" inputMode="decimal" size={5} defaultValue={filters.minScore ?? ""} />
        </label>
        <label>
          <span>Least sources</span>
          <input name="minSources" inputMode="numeric" size={5} defaultValue={filters.minSources ?? ""} />
        </label>
        <button type="submit">Apply filters</button> {filtered && <Link href="/admin/review">Clear filters</Link>}
      </form>
      {page.items.length === 0 ? (
        <p className="empty">Nothing waiting for review{filtered ? " with these filters" : ""}.</p>
      ) : (
        <ReviewQueue items={page.items} />
      )}
      {(after || page.nextCursor) && (
        <nav aria-label="Pages of the review queue" className="actions">
          {after && <Link href={href({})}>Newest clusters</Link>}
          {page.nextCursor && (
            <Link href={href({ after: page.nextCursor })} rel="next">
              Older clusters
            </Link>
          )}
        </nav>
      )}
      <section aria-labelledby="headlines-heading">
        <h2 id="headlines-heading">Headlines from news feeds</h2>
        {headlines.total === 0 ? (
          <p className="empty">No new headline: they appear after the next poll of an active feed.</p>
        ) : (
          <>
            <HeadlinesTable headlines={headlines.items.slice(0, HEADLINES_SHOWN)} caption="New headlines from news feeds, newest first" />
            <p>
              <Link href="/admin/feeds?status=NEW#headlines">
                {headlines.total > HEADLINES_SHOWN ? `All ${headlines.total.toLocaleString("en")} new headlines` : "Headlines and feeds"}
              </Link>
            </p>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Auto-accept</h2>
        <p className="meta">
          Per dyad, off unless turned on here: after each GDELT file, a pending cluster with at least this many independent sources (distinct sites) and whose
          most reported event type has at least this |Goldstein| value is published without review, marked &quot;automated&quot; on its page and in the
          drivers table.
        </p>
        <AutoAcceptRules rules={rules} />
      </section>
    </>
  );
}
