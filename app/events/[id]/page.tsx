import type { Metadata } from "next";
import { ArchivedNotice } from "@/app/_components/admin/archived-notice";
import { Link } from "@/app/_components/link";
import { NotesPanel } from "@/app/_components/notes/notes-panel";
import { SourceLinks } from "@/app/_components/review/source-links";
import { agreementKindLabel, formatDate, humanize } from "@/app/_components/format";
import { orNotFound, serverCaller } from "@/server/caller";
import { METHOD } from "@/server/method/params";
import { isoDayOf } from "@/server/scope/day";

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
  const event = await load((await params).id);
  const caller = await serverCaller();
  const on = { kind: "event", id: event.id } as const;
  const [notes, teams] = await Promise.all([caller.notes.on({ on }), caller.teams.list()]);
  const { g, l, v, s, gSource } = event.breakdown;
  return (
    <article>
      <p className="meta">
        <Link href={`/dyads/${event.dyad.key}`}>← {event.dyad.key} relations index</Link>
      </p>
      <h1>{event.title}</h1>
      {event.gdelt?.automated && (
        <p className="notice">Automated: published from GDELT reports by the dyad&apos;s auto-accept rule, without a reviewer.</p>
      )}
      {event.archivedAt && (
        <ArchivedNotice domain="events" id={event.id} version={event.version}>
          Archived: this event no longer counts in the index.
        </ArchivedNotice>
      )}
      <dl className="facts">
        <dt>Date</dt>
        <dd>
          {formatDate(event.date, event.datePrecision)}
          {event.datePrecision !== "DAY" && ` (precision: ${event.datePrecision.toLowerCase()}; placed on ${isoDayOf(event.placementDate)} for the index)`}
        </dd>
        <dt>Who</dt>
        <dd>
          {event.actor.name} → {event.target.name}
        </dd>
        <dt>Type</dt>
        <dd>CAMEO {event.typeLabel}</dd>
        {event.placeName && (
          <>
            <dt>Place</dt>
            <dd>{event.placeName}</dd>
          </>
        )}
        <dt>Score</dt>
        <dd>
          s = G × L × V = {g.toFixed(1)} × {l} × {v} = <strong>{s.toFixed(2)}</strong>
          {gSource === "named_override" && ` (G overridden by the published rule ${event.overrideKey})`}
          {gSource === "manual" && ` (G set by an admin: ${event.overrideReason ?? "no reason recorded"})`}
          <br />
          <span className="meta">
            level {humanize(event.level)} · {humanize(event.verification)} · stored score {event.score.toFixed(2)} (method {event.methodVersion}
            {event.methodVersion !== METHOD.version ? `, current ${METHOD.version}` : ""})
          </span>
        </dd>
      </dl>
      {event.summary && <p>{event.summary}</p>}
      <h2>Sources</h2>
      {event.sources.length === 0 ? (
        <p className="empty">No source recorded: treat with care.</p>
      ) : (
        <ul>
          {event.sources.map((src) => (
            <li key={src.id}>
              {src.publisher} —{" "}
              <a href={src.url} rel="noopener noreferrer" target="_blank">
                {src.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      {event.gdelt && <GdeltEvidence evidence={event.gdelt} />}
      {event.agreements.length > 0 && (
        <>
          <h2>Agreements</h2>
          <ul>
            {event.agreements.map(({ agreement }) => (
              <li key={agreement.id}>
                {agreement.title} ({agreementKindLabel(agreement.kind)}, {humanize(agreement.status)}){agreement.archivedAt && " · archived"}
              </li>
            ))}
          </ul>
        </>
      )}
      <NotesPanel notes={notes} teams={teams} on={on} about="this event" />
    </article>
  );
}

type Evidence = NonNullable<Awaited<ReturnType<typeof load>>["gdelt"]>;

/** The machine-coded reports behind an event accepted from GDELT or corroborated by it. */
function GdeltEvidence({ evidence }: { evidence: Evidence }) {
  return (
    <section aria-labelledby="gdelt-heading">
      <h2 id="gdelt-heading">GDELT evidence</h2>
      <p className="meta">
        {evidence.reports} report{evidence.reports === 1 ? "" : "s"} from {evidence.sources} source{evidence.sources === 1 ? "" : "s"}
        {evidence.tone !== null && ` · average tone ${evidence.tone.toFixed(1)}`}
        {evidence.corroborating > 0 && ` · ${evidence.corroborating} later cluster${evidence.corroborating === 1 ? "" : "s"} corroborating it`}
      </p>
      <SourceLinks links={evidence.links} />
      <p className="meta">
        GLOBALEVENTID {evidence.globalEventIds.join(", ")}
        {evidence.reports > evidence.globalEventIds.length && ` and ${evidence.reports - evidence.globalEventIds.length} more`}
      </p>
    </section>
  );
}
