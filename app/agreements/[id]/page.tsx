// One agreement with everything recorded about it: parties, signatories and their roles, the
// money, the status history, related events and the sources. The records' own words (titles,
// names, roles, notes, sources) render with dir="auto", whatever their script.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArchivedNotice } from "@/app/_components/admin/archived-notice";
import { Link } from "@/app/_components/link";
import { NotesPanel } from "@/app/_components/notes/notes-panel";
import { cache } from "react";
import { getAgreementWords } from "@/app/_components/feed/agreement-words";
import { StatusBadge } from "@/app/_components/feed/status-badge";
import { dyadTitle } from "@/app/_components/format";
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
  const [a, user, words, t] = await Promise.all([loadAgreement((await params).id), requireUser(), getAgreementWords(), getTranslations("agreements.detail")]);
  const { format } = words;
  const caller = await serverCaller();
  const on = { kind: "agreement", id: a.id } as const;
  const [notes, teams] = await Promise.all([caller.notes.on({ on }), caller.teams.list()]);
  return (
    <article className="agreement">
      <p className="meta">
        <Link href="/agreements">{t("all")}</Link>
        {isAdmin(user) && (
          <>
            {" "}
            · <Link href={`/admin/agreements/${a.id}`}>{t("edit")}</Link>
          </>
        )}
      </p>
      <h1 dir="auto">{a.title}</h1>
      {a.archivedAt && (
        <ArchivedNotice domain="agreements" id={a.id} version={a.version}>
          {t("archived")}
        </ArchivedNotice>
      )}
      <p className="meta">
        {words.kind(a.kind)} · {a.date ? <time dateTime={isoDayOf(a.date)}>{format.period(a.date, a.datePrecision)}</time> : format.period(null, null)} ·{" "}
        <StatusBadge status={a.status} label={words.status(a.status)} />
      </p>

      <dl className="facts">
        {a.dyad && (
          <>
            <dt>{t("pair")}</dt>
            <dd>{dyadTitle(a.dyad)}</dd>
          </>
        )}
        {a.placeName && (
          <>
            <dt>{t("place")}</dt>
            <dd dir="auto">{a.placeName}</dd>
          </>
        )}
        <dt>{t("money")}</dt>
        <dd>
          {a.amounts.length === 0
            ? t("noAmount")
            : a.amounts.map((m, i) => (
                <span key={i}>
                  {i > 0 && " · "}
                  {words.money(m)} (<bdi>{m.label}</bdi>)
                </span>
              ))}
        </dd>
        <dt>{t("sectors")}</dt>
        <dd>{a.sectors.length ? a.sectors.map(words.sector).join(", ") : t("noSectors")}</dd>
        <dt>{t("recorded")}</dt>
        <dd>
          {words.provenance(a.provenance)}, {t("lastUpdated")} <time dateTime={a.updatedAt.toISOString()}>{format.day(a.updatedAt)}</time>
        </dd>
      </dl>

      {a.summary && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t("summary")}</h2>
          <p dir="auto">{a.summary}</p>
        </section>
      )}

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t("parties")}</h2>
        <ul>
          {a.parties.map((p) => (
            <li key={p.name}>
              <bdi>{p.name}</bdi>{" "}
              <span className="meta">
                ({words.partyKind(p.kind)}
                {p.countryCode ? `, ${p.countryCode}` : ""})
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="signatories-heading">
        <h2 id="signatories-heading">{t("signatories")}</h2>
        {a.signatories.length === 0 ? (
          <p className="empty">{t("noSignatory")}</p>
        ) : (
          <ul aria-label={t("signatories")}>
            {a.signatories.map((s) => (
              <li key={s.name}>
                <strong dir="auto">{s.name}</strong>, <bdi>{s.role}</bdi>
                {s.onBehalfOf ? (
                  <span className="meta">
                    {" "}
                    — {t("onBehalfOf")} <bdi>{s.onBehalfOf}</bdi>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("statusHistory")}</h2>
        <ol className="timeline" aria-label={t("statusHistory")}>
          {a.statusHistory.map((s) => (
            <li key={s.id}>
              {s.date ? <time dateTime={isoDayOf(s.date)}>{format.period(s.date, s.datePrecision)}</time> : <span>{t("dateUnknown")}</span>}{" "}
              <StatusBadge status={s.status} label={words.status(s.status)} />
              {s.note ? (
                <span className="meta">
                  {" "}
                  — <bdi>{s.note}</bdi>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t("relatedEvents")}</h2>
        {a.events.length === 0 ? (
          <p className="empty">{t("noEvents")}</p>
        ) : (
          <ul aria-label={t("relatedEvents")}>
            {a.events.map(({ event }) => (
              <li key={event.id}>
                <time dateTime={isoDayOf(event.date)}>{format.period(event.date, event.datePrecision)}</time> — <bdi>{event.title}</bdi>
                {event.archivedAt && ` · ${t("archivedMark")}`}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t("sources")}</h2>
        {a.sources.length === 0 ? (
          <p className="empty">{t("noSources")}</p>
        ) : (
          <ul aria-label={t("sources")}>
            {a.sources.map((s) => (
              <li key={s.id}>
                <a href={s.url} rel="noopener noreferrer" target="_blank" dir="auto">
                  {s.title}
                </a>{" "}
                <span className="meta">
                  — <bdi>{s.publisher}</bdi>
                  {s.publishedOn ? `, ${format.day(s.publishedOn)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NotesPanel notes={notes} teams={teams} on={on} about="agreement" />
    </article>
  );
}
