import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArchivedNotice } from "@/app/_components/admin/archived-notice";
import { cameoWordsFrom } from "@/app/_components/cameo-words";
import { getAgreementWords } from "@/app/_components/feed/agreement-words";
import { Link } from "@/app/_components/link";
import { NotesPanel } from "@/app/_components/notes/notes-panel";
import { bdiTag } from "@/app/_components/rich-tags";
import { SourceLinks } from "@/app/_components/review/source-links";
import { getFormat } from "@/app/_components/server-format";
import { orNotFound, serverCaller } from "@/server/caller";
import { METHOD, OVERRIDE_KEYS } from "@/server/method/params";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

async function load(id: string) {
  const caller = await serverCaller();
  return orNotFound(caller.events.byId({ id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await load((await params).id);
  return { title: event.title };
}

export default async function EventPage({ params }: Props) {
  const [event, t, method, format, words, cameo] = await Promise.all([
    load((await params).id),
    getTranslations("events"),
    getTranslations("methodology"),
    getFormat(),
    getAgreementWords(),
    getTranslations("cameo").then(cameoWordsFrom),
  ]);
  const caller = await serverCaller();
  const on = { kind: "event", id: event.id } as const;
  const [notes, teams] = await Promise.all([caller.notes.on({ on }), caller.teams.list()]);
  const { g, l, v, s, gSource } = event.breakdown;
  const overrideRule = OVERRIDE_KEYS.find((k) => k === event.overrideKey);
  const decimals = (x: number, digits: number) => format.number(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const scoreMeta = {
    level: t(`levels.${event.level}`),
    verification: t(`verifications.${event.verification}`),
    score: decimals(event.score, 2),
    version: event.methodVersion,
  };
  return (
    <article>
      <p className="meta">
        <Link href={`/dyads/${event.dyad.key}`}>{t("back", { dyad: event.dyad.key })}</Link>
      </p>
      <h1 dir="auto">{event.title}</h1>
      {event.gdelt?.automated && <p className="notice">{t("automated")}</p>}
      {event.archivedAt && (
        <ArchivedNotice domain="events" id={event.id} version={event.version}>
          {t("archived")}
        </ArchivedNotice>
      )}
      <dl className="facts">
        <dt>{t("date")}</dt>
        <dd>
          {format.period(event.date, event.datePrecision)}
          {event.datePrecision !== "DAY" && ` ${t("precisionNote", { precision: t(`precisions.${event.datePrecision}`), day: format.day(event.placementDate) })}`}
        </dd>
        <dt>{t("who")}</dt>
        <dd>
          <bdi>{event.actor.name}</bdi> → <bdi>{event.target.name}</bdi>
        </dd>
        <dt>{t("type")}</dt>
        <dd>CAMEO {cameo.typeLabel(event.cameoCode, event.typeLabel)}</dd>
        {event.placeName && (
          <>
            <dt>{t("place")}</dt>
            <dd dir="auto">{event.placeName}</dd>
          </>
        )}
        <dt>{t("score")}</dt>
        <dd>
          {/* A formula reads left to right in every language. */}
          <span dir="ltr">
            s = G × L × V = {decimals(g, 1)} × {format.number(l)} × {format.number(v)} = <strong>{decimals(s, 2)}</strong>
          </span>
          {gSource === "named_override" && ` ${t("gOverride", { rule: overrideRule ? method(`overrides.${overrideRule}`) : (event.overrideKey ?? "") })}`}
          {gSource === "manual" && (
            <>
              {" "}
              {t.rich("gManual", { reason: event.overrideReason ?? t("noReason"), bdi: bdiTag })}
            </>
          )}
          <br />
          <span className="meta">
            {event.methodVersion !== METHOD.version ? t("scoreMetaOld", { ...scoreMeta, current: METHOD.version }) : t("scoreMeta", scoreMeta)}
          </span>
        </dd>
      </dl>
      {event.summary && <p dir="auto">{event.summary}</p>}
      <h2>{t("sources")}</h2>
      {event.sources.length === 0 ? (
        <p className="empty">{t("noSources")}</p>
      ) : (
        <ul>
          {event.sources.map((src) => (
            <li key={src.id}>
              <bdi>{src.publisher}</bdi> —{" "}
              <a href={src.url} rel="noopener noreferrer" target="_blank" dir="auto">
                {src.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      {event.gdelt && <GdeltEvidence evidence={event.gdelt} />}
      {event.agreements.length > 0 && (
        <>
          <h2>{t("agreements")}</h2>
          <ul>
            {event.agreements.map(({ agreement }) => (
              <li key={agreement.id}>
                <bdi>{agreement.title}</bdi> ({words.kind(agreement.kind)}, {words.status(agreement.status)}){agreement.archivedAt && ` · ${t("archivedMark")}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <NotesPanel notes={notes} teams={teams} on={on} about="event" />
    </article>
  );
}

type Evidence = NonNullable<Awaited<ReturnType<typeof load>>["gdelt"]>;

/** The machine-coded reports behind an event accepted from GDELT or corroborated by it. */
async function GdeltEvidence({ evidence }: { evidence: Evidence }) {
  const [t, format] = await Promise.all([getTranslations("events.gdelt"), getFormat()]);
  const more = evidence.reports - evidence.globalEventIds.length;
  const facts = [
    t("reports", { reports: evidence.reports, sources: evidence.sources }),
    evidence.tone !== null && t("tone", { tone: format.number(evidence.tone, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }),
    evidence.corroborating > 0 && t("corroborating", { count: evidence.corroborating }),
  ];
  return (
    <section aria-labelledby="gdelt-heading">
      <h2 id="gdelt-heading">{t("heading")}</h2>
      <p className="meta">{facts.filter(Boolean).join(" · ")}</p>
      <SourceLinks links={evidence.links} />
      <p className="meta">
        {t("ids", { ids: evidence.globalEventIds.join(", ") })}
        {more > 0 && ` ${t("more", { count: more })}`}
      </p>
    </section>
  );
}
