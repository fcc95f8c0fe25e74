"use client";
// The newest agreements, prefetched on the server; "Show more" asks the API for a longer list.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { LATEST_AGREEMENTS_PAGE } from "@/server/agreements/schemas";
import type { DashboardFilter } from "@/server/views/state";
import { agreementKindLabel, formatDate, formatMoney, humanize } from "../format";

const FIRST_PAGE = LATEST_AGREEMENTS_PAGE;
const MAX = 50;

/** The filter comes from the dashboard's URL; the server prefetched this same query. */
export function LatestAgreements({ filter }: { filter: DashboardFilter }) {
  const trpc = useTRPC();
  const [limit, setLimit] = useState(FIRST_PAGE);
  const query = useQuery({ ...trpc.agreements.latest.queryOptions({ limit, ...filter }), placeholderData: keepPreviousData });

  if (query.isPending) return <p aria-busy="true">Loading agreements…</p>;
  if (query.isError) {
    return (
      <p className="error" role="alert">
        Could not load agreements ({query.error.message}).{" "}
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  const agreements = query.data;
  if (agreements.length === 0) {
    const filtered = filter.dyads.length > 0 || filter.from || filter.to;
    return <p className="empty">{filtered ? "No agreement matches these filters." : "No agreement is recorded yet."}</p>;
  }

  return (
    <>
      <ol className="feed" aria-label="Latest agreements">
        {agreements.map((a) => (
          <li key={a.id} className="card">
            <h3>{a.title}</h3>
            <p className="meta">
              {agreementKindLabel(a.kind)} · {formatDate(a.date, a.datePrecision)} ·{" "}
              <span className={`badge badge-${a.status.toLowerCase()}`}>{humanize(a.status)}</span>
            </p>
            <p className="meta">Parties: {a.parties.map((p) => p.name).join(", ")}</p>
            {a.amounts.length > 0 && (
              <p className="meta">
                {a.amounts.map((m) => `${formatMoney(m.amount, m.currency, m.approximate)} (${m.label})`).join(" · ")}
              </p>
            )}
            <ul className="tags" aria-label="Sectors">
              {a.sectors.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            {a.sources[0] && (
              <p className="meta">
                Source:{" "}
                <a href={a.sources[0].url} rel="noopener noreferrer" target="_blank">
                  {a.sources[0].publisher}
                </a>
              </p>
            )}
          </li>
        ))}
      </ol>
      {agreements.length === limit && limit < MAX && (
        <p>
          <button type="button" disabled={query.isFetching} onClick={() => setLimit((n) => Math.min(n + FIRST_PAGE, MAX))}>
            {query.isFetching ? "Loading…" : "Show more"}
          </button>
        </p>
      )}
    </>
  );
}
