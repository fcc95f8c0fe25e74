// One agreement with everything recorded about it: parties, signatories and their roles, the
// money, the status history, related events and the sources.
import type { Metadata } from "next";
import { ArchivedNotice } from "@/app/_components/admin/archived-notice";
import { Link } from "@/app/_components/link";
import { NotesPanel } from "@/app/_components/notes/notes-panel";
import { cache } from "react";
import { StatusBadge } from "@/app/_components/feed/agreement-card";
import { agreementKindLabel, dyadTitle, formatDate, formatMoney, humanize } from "@/app/_components/format";
import { requireUser } from "@/server/auth/page-guards";
import { isAdmin } from "@/server/auth/permissions";
import { orNotFound, serverCaller } from "@/server/caller";
import { isoDayOf } from "@/server/scope/day";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** Shared by the page and its metadata (React's cache: one query per request). */
const loadAgreement = cache(async (id: string) => {
  const caller = await serverCaller();
  return orNotFound(caller.agreements.byId({ id }));
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const agreement = await loadAgreement((await params).id);
  return { title: agreement.title, description: agreement.summary ?? undefined };
}


export default async function AgreementPage({ params }: Params) {
  const [a, user] = await Promise.all([loadAgreement((await params).id), requireUser()]);
  const caller = await serverCaller();
  const on = { kind: "agreement", id: a.id } as const;
  const [notes, teams] = await Promise.all([caller.notes.on({ on }), caller.teams.list()]);
  return (
    <article className="agreement">
      <p className="meta">
        <Link href="/agreements">← All agreements</Link>
        {isAdmin(user) && (
          <>
            {" "}
            · <Link href={`/admin/agreements/${a.id}`}>Edit</Link>
          </>
        )}
      </p>
      <h1>{a.title}</h1>
      {a.archivedAt && (
        <ArchivedNotice domain="agreements" id={a.id} version={a.version}>
          Archived: this agreement is left out of the feed and the exports.
        </ArchivedNotice>
      )}
      <p className="meta">
        {agreementKindLabel(a.kind)} · {a.date ? <time dateTime={isoDayOf(a.date)}>{formatDate(a.date, a.datePrecision)}</time> : formatDate(null, null)} ·{" "}
        <StatusBadge status={a.status} />
      </p>

      <dl className="facts">
        {a.dyad && (
          <>
            <dt>Pair</dt>
            <dd>{dyadTitle(a.dyad)}</dd>
          </>
        )}
        {a.placeName && (
          <>
            <dt>Place</dt>
            <dd>{a.placeName}</dd>
          </>
        )}
        <dt>Money</dt>
        <dd>
          {a.amounts.length === 0
            ? "No amount stated"
            : a.amounts.map((m) => `${formatMoney(m.amount, m.currency, m.approximate)} (${m.label})`).join(" · ")}
        </dd>
        <dt>Sectors</dt>
        <dd>{a.sectors.length ? a.sectors.join(", ") : "None recorded"}</dd>
        <dt>Recorded</dt>
        <dd>
          {humanize(a.provenance)}, last updated <time dateTime={a.updatedAt.toISOString()}>{isoDayOf(a.updatedAt)}</time>
        </dd>
      </dl>

      {a.summary && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <p>{a.summary}</p>
        </section>
      )}

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">Parties</h2>
        <ul>
          {a.parties.map((p) => (
            <li key={p.name}>
              {p.name} <span className="meta">({humanize(p.kind)}{p.countryCode ? `, ${p.countryCode}` : ""})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="signatories-heading">
        <h2 id="signatories-heading">Signatories</h2>
        {a.signatories.length === 0 ? (
          <p className="empty">The sources name no signatory.</p>
        ) : (
          <ul aria-label="Signatories">
            {a.signatories.map((s) => (
              <li key={s.name}>
                <strong>{s.name}</strong>, {s.role}
                {s.onBehalfOf ? <span className="meta"> — for {s.onBehalfOf}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Status history</h2>
        <ol className="timeline" aria-label="Status history">
          {a.statusHistory.map((s) => (
            <li key={s.id}>
              {s.date ? <time dateTime={isoDayOf(s.date)}>{formatDate(s.date, s.datePrecision)}</time> : <span>Date not known</span>}{" "}
              <StatusBadge status={s.status} />
              {s.note ? <span className="meta"> — {s.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Related events</h2>
        {a.events.length === 0 ? (
          <p className="empty">No recorded event is linked to this agreement.</p>
        ) : (
          <ul aria-label="Related events">
            {a.events.map(({ event }) => (
              <li key={event.id}>
                <time dateTime={isoDayOf(event.date)}>{formatDate(event.date, event.datePrecision)}</time> — {event.title}
                {event.archivedAt && " · archived"}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {a.sources.length === 0 ? (
          <p className="empty">No source is recorded: treat this agreement as unverified.</p>
        ) : (
          <ul aria-label="Sources">
            {a.sources.map((s) => (
              <li key={s.id}>
                <a href={s.url} rel="noopener noreferrer" target="_blank">
                  {s.title}
                </a>{" "}
                <span className="meta">
                  — {s.publisher}
                  {s.publishedOn ? `, ${formatDate(s.publishedOn, "DAY")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NotesPanel notes={notes} teams={teams} on={on} about="this agreement" />
    </article>
  );
}
