import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AlertMe } from "@/app/_components/alerts/alert-me";
import { packPoints } from "@/app/_components/charts/chart-points";
import { IndexChart } from "@/app/_components/charts/index-chart";
import { NotesPanel } from "@/app/_components/notes/notes-panel";
import { ScopeNotice } from "@/app/_components/filters/scope-notice";
import { getFormat } from "@/app/_components/server-format";
import { getPlaces } from "@/app/_components/server-places";
import { CoverageNote } from "@/app/_components/relations/coverage-note";
import { MethodVersion, methodVersionLabel } from "@/app/_components/relations/method-version";
import { BAND_CLASS, formatChange, formatIndex, formatPlausible, plausibleMeaning } from "@/app/_components/relations/format-index";
import { requireUser } from "@/server/auth/page-guards";
import { isAdmin } from "@/server/auth/permissions";
import { orNotFound, serverCaller } from "@/server/caller";
import { fromDay, toDay } from "@/server/method/day";
import { METHOD, previousRelease } from "@/server/method/params";
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
  const t = await getTranslations("relations.dyad");
  return { title: t("metaTitle", { pair: (await params).pair }) };
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
  const [t, dyadWords, noteWords, format, places] = await Promise.all([getTranslations("relations"), getTranslations("relations.dyad"), getTranslations("notes"), getFormat(), getPlaces()]);
  const change = formatChange(t, format, summary.change30);
  const label = places.dyad(summary);
  const trendRate = format.number(summary.trend.pointsPer30Days, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const rangeHref = (r: Range) => `/dyads/${key}?${writeScope({ range: r, compare, overlay }).toString()}`;

  const series_ = series.dyads.map((d) => ({ key: d.key, label: places.dyadOfKey(d.key, d.label), points: packPoints(d.points) }));
  const others = tracked.filter((x) => x.key !== key);

  return (
    <>
      <p className="meta">
        <Link href="/">{dyadWords("back")}</Link>
      </p>
      <h1>{label}</h1>
      <ScopeNotice ignored={ignored} />
      <section className="panel summary-panel" aria-label={dyadWords("current")}>
        <p className="indicator-value">
          <span className="value">{formatIndex(summary.value, format)}</span>{" "}
          <span className={`badge ${BAND_CLASS[summary.band] ?? ""}`}>{places.band(summary.band, summary.bandLabel)}</span>
        </p>
        {summary.plausible && (
          <p className="plausible">
            {formatIndex(summary.value, format)}, {formatPlausible(t, format, summary.plausible)}: {plausibleMeaning(t)} (
            <Link href="/methodology#uncertainty">{dyadWords("howSure")}</Link>).
          </p>
        )}
        <p className={`change change-${change.direction}`}>
          {dyadWords("changes", { short: change.text, long: formatChange(t, format, summary.change90).text, trend: dyadWords(`trend.${summary.trend.direction}`) })}
          {summary.trend.stable ? "" : ` ${dyadWords("trendRate", { rate: trendRate })}`}
          {summary.unusualChange && <strong className="unusual"> · {dyadWords("unusual")}</strong>}
        </p>
        <p className="meta">
          {dyadWords("parts", { ledger: formatIndex(summary.ledger, format), pulse: formatIndex(summary.pulse, format) })} ·{" "}
          <span dir="ltr">
            I = 100·tanh(({METHOD.conditionWeight}·B+P)/{METHOD.c})
          </span>{" "}
          · <MethodVersion version={summary.methodVersion} /> · <Link href="/methodology">{dyadWords("method")}</Link>
        </p>
        <CoverageNote coverage={summary.coverage} />
      </section>
      <AlertMe dyad={key} label={label} />

      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">{dyadWords("history")}</h2>
        <nav aria-label={dyadWords("range")} className="range-links">
          {(Object.keys(RANGES) as Range[]).map((r) => (
            <Link key={r} href={rangeHref(r)} aria-current={r === range ? "page" : undefined}>
              {dyadWords(`ranges.${r}`)}
            </Link>
          ))}
        </nav>
        <form className="compare" method="get" action={`/dyads/${key}`}>
          <input type="hidden" name="range" value={range} />
          <fieldset>
            <legend>{dyadWords("compareWith")}</legend>
            {others.map((x) => (
              <label key={x.key}>
                <input type="checkbox" name="compare" value={x.key} defaultChecked={compare.includes(x.key)} /> {places.dyad(x)}
              </label>
            ))}
          </fieldset>
          {previous && (
            <fieldset>
              <legend>{dyadWords("methodLegend")}</legend>
              <label>
                <input type="checkbox" name="overlay" value={previous.method.version} defaultChecked={overlay !== null} />{" "}
                {dyadWords("overlay", { dyad: label, version: methodVersionLabel(t, previous.method.version) })}
              </label>
            </fieldset>
          )}
          <button type="submit">{dyadWords("compare")}</button>
        </form>
        <IndexChart
          title={dyadWords(compare.length ? "chartTitleOthers" : "chartTitle", { dyad: label })}
          series={overlaid ? [...series_, { key: `${key}-previous`, label: dyadWords("previousLine", { dyad: label, version: overlay ?? "" }), points: packPoints(overlaid.points), dashed: true }] : series_}
          rangeOf={key}
          markers={series.markers.map((m) => ({ ...m, dateLabel: format.period(m.date, m.datePrecision) }))}
          notes={notes.flatMap((n) => (n.day ? [{ id: n.id, day: n.day, label: noteWords("flag", { day: format.day(n.day), author: n.owner.name, opening: openingOf(n.body) }) }] : []))}
        />
      </section>

      <NotesPanel
        notes={notes}
        teams={teams}
        on={{ kind: "day", dyad: key, day: fromDay(today) }}
        about="index"
        showSubject
      />

      <section className="panel" aria-labelledby="drivers-heading">
        <h2 id="drivers-heading">{dyadWords("drivers")}</h2>
        <DriverTable caption={dyadWords("raising")} drivers={drivers.positive} />
        <DriverTable caption={dyadWords("lowering")} drivers={drivers.negative} />
        <h3>{dyadWords("conditions")}</h3>
        {drivers.conditionsInForce.length === 0 ? (
          <p className="empty">{dyadWords("noConditions")}</p>
        ) : (
          <ul>
            {drivers.conditionsInForce.map((c) => (
              <li key={c.id}>
                <span dir="auto">{c.title}</span> —{" "}
                {dyadWords("condition", { points: format.number(c.points, { signDisplay: "exceptZero" }), date: format.period(c.startDate, c.startPrecision) })}
                {c.holderCode ? ` ${dyadWords("heldBy", { holder: places.country({ code: c.holderCode, name: c.holderCode }) })}` : ""}
                {c.checkStillInForce && (
                  <>
                    {" "}
                    <span className="badge" title={dyadWords("checkTitle", { days: STILL_IN_FORCE_CHECK_DAYS })}>
                      {dyadWords("check")}
                    </span>
                  </>
                )}
                {isAdmin(user) && (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={`/admin/conditions/${c.id}`} aria-label={dyadWords("editLabel", { title: c.title })}>
                      {dyadWords("edit")}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>{dyadWords("split")}</h3>
        <p className="meta">
          {dyadWords("splitText", {
            total: formatChange(t, format, drivers.breakdown.index.total).text,
            newEvents: signed(format, drivers.breakdown.index.newEvents),
            older: signed(format, drivers.breakdown.index.olderDecay),
            began: signed(format, drivers.breakdown.index.conditionsBegan),
            ended: signed(format, drivers.breakdown.index.conditionsEnded),
          })}
        </p>
      </section>
    </>
  );
}

/** A note's opening words, for its chart flag's name (with the day and who wrote it). */
function openingOf(body: string): string {
  const opening = body.trim().replace(/\s+/g, " ");
  return opening.length > 80 ? `${opening.slice(0, 79)}…` : opening;
}

type Format = Awaited<ReturnType<typeof getFormat>>;

/** Weights fade towards zero: keep two significant digits instead of rounding them away. */
function formatWeight(format: Format, x: number): string {
  return Math.abs(x) >= 0.01 || x === 0 ? format.number(x, { minimumFractionDigits: x === 0 ? 0 : 2, maximumFractionDigits: 2 }) : format.number(x, { maximumSignificantDigits: 2 });
}

function signed(format: Format, x: number): string {
  const r = Math.round(x * 10) / 10;
  return format.number(r === 0 ? 0 : r, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
}

type Driver = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["relations"]["drivers"]>>["positive"][number];

async function DriverTable({ caption, drivers }: { caption: string; drivers: Driver[] }) {
  const [t, format] = await Promise.all([getTranslations("relations.dyad"), getFormat()]);
  return (
    <table className="drivers">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("columns.event")}</th>
          <th scope="col">{t("columns.date")}</th>
          <th scope="col">{t("columns.score")}</th>
          <th scope="col">{t("columns.weight")}</th>
          <th scope="col">{t("columns.share")}</th>
          <th scope="col">{t("columns.plausible")}</th>
        </tr>
      </thead>
      <tbody>
        {drivers.length === 0 ? (
          <tr>
            <td colSpan={6} className="empty">
              {t("noDrivers", { days: 20 * 45 })}
            </td>
          </tr>
        ) : (
          drivers.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/events/${d.id}`} dir="auto">
                  {d.event.title}
                </Link>
                {d.event.automated && (
                  <>
                    {" "}
                    <span className="badge" title={t("automatedTitle")}>
                      {t("automated")}
                    </span>
                  </>
                )}
              </td>
              <td>{format.period(d.event.date, d.event.datePrecision)}</td>
              <td>{format.number(d.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td>
              <td>{formatWeight(format, d.contribution)}</td>
              <td>{d.share === null ? "—" : t("share", { value: Math.round(d.share * 100) })}</td>
              <td>{t("weightRange", { low: formatWeight(format, d.range.low), high: formatWeight(format, d.range.high) })}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
