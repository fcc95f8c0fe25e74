import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AlertMe } from "@/app/_components/alerts/alert-me";
import { IndexChart } from "@/app/_components/charts/index-chart";
import { NotesPanel } from "@/app/_components/notes/notes-panel";
import { ScopeNotice } from "@/app/_components/filters/scope-notice";
import { formatDate } from "@/app/_components/format";
import { CoverageNote } from "@/app/_components/relations/coverage-note";
import { MethodVersion, methodVersionLabel } from "@/app/_components/relations/method-version";
import { BAND_CLASS, formatChange, formatIndex, formatPlausible } from "@/app/_components/relations/format-index";
import { requireUser } from "@/server/auth/page-guards";
import { isAdmin } from "@/server/auth/permissions";
import { orNotFound, serverCaller } from "@/server/caller";
import { fromDay, toDay } from "@/server/method/day";
import { METHOD, previousRelease } from "@/server/method/params";
import { plausibleMeaning } from "@/server/method/plausible";
import { STILL_IN_FORCE_CHECK_DAYS } from "@/server/method/standing";
import { dyadKey } from "@/server/scope/schemas";
import { readScope, writeScope } from "@/server/scope/url";

export const dynamic = "force-dynamic";

const RANGES = { "1y": 365, "3y": 3 * 365, all: null } as const;
type Range = keyof typeof RANGES;

/**
 * The page's scope in its address: how far back, which dyads beside this one (checked against
 * the tracked ones below), and the method version whose line to overlay (only the previous one is drawn).
 */
const dyadPageScope = z.object({
  range: z.enum(["1y", "3y", "all"]).default("3y"),
  compare: z.array(z.string().max(16)).max(20).default([]),
  overlay: z.string().max(16).optional(),
});

interface Props {
  params: Promise<{ pair: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Relations index ${(await params).pair}` };
}

export default async function DyadPage({ params, searchParams }: Props) {
  const { pair } = await params;
  const key = await orNotFound(dyadKey.safeParse(decodeURIComponent(pair)).data);
  const query = await searchParams;
  if (key !== pair) redirect(`/dyads/${key}`);

  const user = await requireUser();
  const { value: scope, ignored } = readScope(dyadPageScope, query);
  const { range } = scope;
  const caller = await serverCaller();
  const tracked = await caller.relations.summary();
  const compare = scope.compare
    .flatMap((c) => {
      const r = dyadKey.safeParse(c);
      return r.success && r.data !== key && tracked.some((t) => t.key === r.data) ? [r.data] : [];
    })
    .slice(0, 5);
  const summary = await orNotFound(tracked.find((t) => t.key === key) ?? caller.relations.summary({ dyads: [key] }).then((found) => found[0]));

  const today = toDay(new Date());
  const span = RANGES[range];
  const extent = await caller.relations.extent({ dyads: [key, ...compare] });
  const from = span === null ? Math.max(extent.from ? toDay(extent.from) : today - 365, today - 7300) : today - span;
  const granularity = today - from > 3 * 366 ? "weekly" : "daily";
  const previous = previousRelease(summary.methodVersion);
  const overlay = previous && scope.overlay === previous.method.version ? previous.method.version : null;
  const [series, drivers, overlaid, notes, teams] = await Promise.all([
    caller.relations.series({ dyads: [key, ...compare], from: fromDay(from), to: fromDay(today), granularity }),
    caller.relations.drivers({ dyad: key }),
    overlay ? caller.relations.seriesUnder({ dyad: key, version: overlay, from: fromDay(from), to: fromDay(today), granularity }) : null,
    caller.notes.onDyad({ dyad: key, from: fromDay(from), to: fromDay(today) }),
    caller.teams.list(),
  ]);
  const change = formatChange(summary.change30);
  const rangeHref = (r: Range) => `/dyads/${key}?${writeScope({ range: r, compare, overlay }).toString()}`;

  return (
    <>
      <p className="meta">
        <Link href="/">← Dashboard</Link>
      </p>
      <h1>{summary.label}</h1>
      <ScopeNotice ignored={ignored} />
      <section className="panel summary-panel" aria-label="Current value">
        <p className="indicator-value">
          <span className="value">{formatIndex(summary.value)}</span>{" "}
          <span className={`badge ${BAND_CLASS[summary.band] ?? ""}`}>{summary.bandLabel}</span>
        </p>
        {summary.plausible && (
          <p className="plausible">
            {formatIndex(summary.value)}, {formatPlausible(summary.plausible)}: {plausibleMeaning()} (
            <Link href="/methodology#uncertainty">how sure is this value</Link>).
          </p>
        )}
        <p className={`change change-${change.direction}`}>
          {change.text} over 30 days · {formatChange(summary.change90).text} over 90 days · trend {summary.trend.direction}
          {summary.trend.stable ? "" : ` (${summary.trend.pointsPer30Days > 0 ? "+" : ""}${summary.trend.pointsPer30Days.toFixed(1)} per 30 days)`}
          {summary.unusualChange && <strong className="unusual"> · unusual 30-day move</strong>}
        </p>
        <p className="meta">
          Structure (standing conditions) B = {formatIndex(summary.ledger)} · momentum (recent events) P = {formatIndex(summary.pulse)} ·
          I = 100·tanh(({METHOD.conditionWeight}·B+P)/{METHOD.c}) · <MethodVersion version={summary.methodVersion} /> ·{" "}
          <Link href="/methodology">method</Link>
        </p>
        <CoverageNote coverage={summary.coverage} />
      </section>
      <AlertMe dyad={key} label={summary.label} />

      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <nav aria-label="Range" className="range-links">
          {(Object.keys(RANGES) as Range[]).map((r) => (
            <Link key={r} href={rangeHref(r)} aria-current={r === range ? "page" : undefined}>
              {r === "all" ? "All" : r}
            </Link>
          ))}
        </nav>
        <form className="compare" method="get" action={`/dyads/${key}`}>
          <input type="hidden" name="range" value={range} />
          <fieldset>
            <legend>Compare with</legend>
            {tracked
              .filter((t) => t.key !== key)
              .map((t) => (
                <label key={t.key}>
                  <input type="checkbox" name="compare" value={t.key} defaultChecked={compare.includes(t.key)} /> {t.label}
                </label>
              ))}
          </fieldset>
          {previous && (
            <fieldset>
              <legend>Method</legend>
              <label>
                <input type="checkbox" name="overlay" value={previous.method.version} defaultChecked={overlay !== null} /> Also draw{" "}
                {summary.label} under the previous {methodVersionLabel(previous.method.version)}
              </label>
            </fieldset>
          )}
          <button type="submit">Compare</button>
        </form>
        <IndexChart
          title={`Relations index, ${summary.label}${compare.length ? " and others" : ""}`}
          series={overlaid ? [...series.dyads, { key: `${key}-previous`, label: overlaid.label, points: overlaid.points, dashed: true }] : series.dyads}
          rangeOf={key}
          markers={series.markers.map((m) => ({ ...m, dateLabel: formatDate(m.date, m.datePrecision) }))}
          notes={notes.flatMap((n) => (n.day ? [{ id: n.id, day: n.day, label: noteFlagLabel(n) }] : []))}
        />
      </section>

      <NotesPanel
        notes={notes}
        teams={teams}
        on={{ kind: "day", dyad: key, day: fromDay(today) }}
        about="the index"
        empty="No note on the index in this range yet."
        showSubject
      />

      <section className="panel" aria-labelledby="drivers-heading">
        <h2 id="drivers-heading">What drives it today</h2>
        <DriverTable caption="Events raising the index" drivers={drivers.positive} />
        <DriverTable caption="Events lowering the index" drivers={drivers.negative} />
        <h3>Standing conditions in force</h3>
        {drivers.conditionsInForce.length === 0 ? (
          <p className="empty">None: the index is moved by events alone.</p>
        ) : (
          <ul>
            {drivers.conditionsInForce.map((c) => (
              <li key={c.id}>
                {c.title} — {c.points > 0 ? "+" : ""}
                {c.points} points since {formatDate(c.startDate, c.startPrecision)}
                {c.holderCode ? ` (held by ${c.holderCode})` : ""}
                {c.checkStillInForce && (
                  <>
                    {" "}
                    <span className="badge" title={`In force over ${STILL_IN_FORCE_CHECK_DAYS} days with no linked event since`}>
                      still in force? check
                    </span>
                  </>
                )}
                {isAdmin(user) && (
                  <>
                    {" "}
                    · <Link href={`/admin/conditions/${c.id}`} aria-label={`Edit ${c.title}`}>edit</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>The last 30 days, split</h3>
        <p className="meta">
          Over 30 days the index moved {formatChange(drivers.breakdown.index.total).text}: new events {signed(drivers.breakdown.index.newEvents)}, fading
          of older events {signed(drivers.breakdown.index.olderDecay)}, conditions that began {signed(drivers.breakdown.index.conditionsBegan)},
          conditions that ended {signed(drivers.breakdown.index.conditionsEnded)}.
        </p>
      </section>
    </>
  );
}

/** A chart flag's name: the day, who wrote the note, and its opening words. */
function noteFlagLabel(note: { day: string | null; owner: { name: string }; body: string }): string {
  const opening = note.body.trim().replace(/\s+/g, " ");
  return `Note, ${note.day}, by ${note.owner.name}: ${opening.length > 80 ? `${opening.slice(0, 79)}…` : opening}`;
}

/** Weights fade towards zero: keep two significant digits instead of rounding them away. */
function formatWeight(x: number): string {
  return Math.abs(x) >= 0.01 ? x.toFixed(2) : x === 0 ? "0" : x.toPrecision(2);
}

function signed(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${r > 0 ? "+" : ""}${(r === 0 ? 0 : r).toFixed(1)}`;
}

type Driver = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["relations"]["drivers"]>>["positive"][number];

function DriverTable({ caption, drivers }: { caption: string; drivers: Driver[] }) {
  return (
    <table className="drivers">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Date</th>
          <th scope="col">Score s</th>
          <th scope="col">Weight today</th>
          <th scope="col">Share of |P|</th>
          <th scope="col">Plausible weight today</th>
        </tr>
      </thead>
      <tbody>
        {drivers.length === 0 ? (
          <tr>
            <td colSpan={6} className="empty">
              None in the last {20 * 45} days.
            </td>
          </tr>
        ) : (
          drivers.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/events/${d.id}`}>{d.event.title}</Link>
                {d.event.automated && (
                  <>
                    {" "}
                    <span className="badge" title="Published from GDELT by the dyad's auto-accept rule, without a reviewer">
                      automated
                    </span>
                  </>
                )}
              </td>
              <td>{formatDate(d.event.date, d.event.datePrecision)}</td>
              <td>{d.score.toFixed(2)}</td>
              <td>{formatWeight(d.contribution)}</td>
              <td>{d.share === null ? "—" : `${Math.round(d.share * 100)} %`}</td>
              <td>
                {formatWeight(d.range.low)} to {formatWeight(d.range.high)}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

