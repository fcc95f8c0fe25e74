import type { Metadata } from "next";
import { ColumnHeads } from "@/app/_components/column-heads";
import { humanize } from "@/app/_components/format";
import { formatIndex } from "@/app/_components/relations/format-index";
import { SensitivityChart } from "@/app/_components/relations/sensitivity-chart";
import { Link } from "@/app/_components/link";
import { loginHref } from "@/server/auth/paths";
import { requestContext, serverCaller } from "@/server/caller";
import { CAMEO_OPTIONS } from "@/server/method/goldstein";
import { COVERAGE_WINDOW_DAYS, STALE_NOTE } from "@/server/method/coverage";
import { changedParameters, METHOD, METHOD_VERSIONS, PARAM_RANGES } from "@/server/method/params";
import { STANDING_RULES, STILL_IN_FORCE_CHECK_DAYS } from "@/server/method/standing";
import { halfLivesTried, plausibleHorizonDays, plausibleMeaning, type SensitivityBar, type SensitivityParameter } from "@/server/method/plausible";

export const metadata: Metadata = { title: "How the relations index is computed" };
export const dynamic = "force-dynamic";

// Everything below is read from server/method/params.ts: the page cannot drift from the code.
const rootCodes = CAMEO_OPTIONS.filter((o) => o.code.length === 2);
const cameoLabel = (code: string) => CAMEO_OPTIONS.find((o) => o.code === code)?.label ?? code;

/** A move under this many points is shown as "no effect today" rather than as an invisible bar. */
const VISIBLE_MOVE = 0.05;

function parameterLabel(p: SensitivityParameter): string {
  const signed = (x: number) => (x > 0 ? `+${x}` : String(x));
  switch (p.kind) {
    case "halfLifeDays":
      return `half-life h (${p.nominal} days)`;
    case "c":
      return `saturation c (${p.nominal})`;
    case "conditionWeight":
      return `condition weight k (${p.nominal})`;
    case "levelWeights":
      return `level weight: ${humanize(p.key)} (${p.nominal})`;
    case "verificationWeights":
      return `verification weight: ${humanize(p.key)} (${p.nominal})`;
    case "conditionPoints":
      return `condition points: ${humanize(p.key)} (${signed(p.nominal)})`;
  }
}

const moved = (x: number) => {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? "no change" : `${r > 0 ? "+" : ""}${r.toFixed(1)}`;
};

export default async function MethodologyPage() {
  // The page is public; the live sensitivity of the tracked dyads is for signed-in readers only.
  const { user } = await requestContext();
  const sensitivity = user ? await (await serverCaller()).relations.sensitivity() : null;
  const m = METHOD;
  const step = `${Math.round(PARAM_RANGES.sensitivityStep * 100)} %`;
  const tried = halfLivesTried().map((h) => Math.round(h * 10) / 10);
  return (
    <article className="prose">
      <h1>How the relations index is computed</h1>
      <p>
        Method version <strong>{m.version}</strong>. Every stored score and every row of the daily index records the version that
        computed it. One index per tracked pair of countries (a <em>dyad</em>), from −100 (open hostility) to +100 (close partnership),
        computed for every day from two inputs: dated <strong>events</strong> between the two, whose weight fades, and standing{" "}
        <strong>conditions</strong> (relations severed, an ambassador withdrawn, a route closed, a partnership declaration in force) that
        weigh the same every day they hold.
      </p>

      <h2>1. The score of an event: s = G × L × V</h2>
      <p>
        <strong>G</strong> is the Goldstein cooperation–conflict value (−10…+10) of the event&apos;s CAMEO type: the most specific code&apos;s
        value, else its base code&apos;s, else its root&apos;s. We use GDELT&apos;s published table of all {CAMEO_OPTIONS.length} codes. Root
        values:
      </p>
      <table>
        <caption>CAMEO root codes and their Goldstein value</caption>
        <thead>
          <tr>
            <th scope="col">Code and meaning</th>
            <th scope="col">G</th>
          </tr>
        </thead>
        <tbody>
          {rootCodes.map((o) => (
            <tr key={o.code}>
              <td>{o.label}</td>
              <td>{o.goldstein.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Published overrides of G, flagged wherever the event is shown:</p>
      <ul>
        {Object.entries(m.overrides).map(([key, o]) => (
          <li key={key}>
            {o.label} (code {o.cameoBase}): G = {o.goldstein > 0 ? "+" : ""}
            {o.goldstein}
          </li>
        ))}
        <li>An admin may set G for one event, with a written reason that is shown with it.</li>
      </ul>
      <p>
        <strong>L</strong>, the level of the acting authority:{" "}
        {Object.entries(m.levelWeights)
          .map(([level, w]) => `${humanize(level)} ${w}`)
          .join(" · ")}
        . <strong>V</strong>, how well it is sourced:{" "}
        {Object.entries(m.verificationWeights)
          .map(([v, w]) => `${humanize(v)} ${w}`)
          .join(" · ")}
        .
      </p>

      <h2>2. Dates that are not days</h2>
      <p>
        Sources often say &ldquo;April 2025&rdquo; or &ldquo;summer 2024&rdquo;. We store the date with that precision (day, month, quarter,
        meteorological season, year), show the precision wherever the date appears, and place the event at the middle of its interval for
        the computation: 15 April for April, 16 July for June–August.
      </p>

      <h2>3. From events and conditions to one number</h2>
      <p>
        <strong>Pulse</strong> (momentum of events): P(t) = P(t−1) · 2<sup>−1/h</sup> + S(t), where S(t) is the sum of the scores of the
        day&apos;s events and the half-life h = <strong>{m.halfLifeDays} days</strong>: an event weighs half as much after {m.halfLifeDays}{" "}
        days, a quarter after {2 * m.halfLifeDays}.
      </p>
      <p>
        <strong>Ledger</strong> (structure): B(t), the sum of the points of every condition in force on day t. A condition counts from its
        first day up to, not including, the day it ends. Inside the index each point weighs k = <strong>{m.conditionWeight}</strong>{" "}
        against one unit of pulse.
      </p>
      <table>
        <caption>Points of standing conditions</caption>
        <thead>
          <tr>
            <th scope="col">Condition</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(m.conditionPoints).map(([kind, points]) => (
            <tr key={kind}>
              <td>{humanize(kind)}</td>
              <td>{points > 0 ? `+${points}` : points}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <strong>Index</strong>: I(t) = 100 · tanh((k · B(t) + P(t)) / c), with c = <strong>{m.c}</strong>. tanh keeps the value within ±100
        and makes each extra point count less as relations approach an extreme. Conditions weigh half a pulse unit per point so that a
        dyad under several of them stays where a new event can still move it (method 2.0.0; the backtest in docs/validation.md shows
        the difference).
      </p>

      <h3 id="standing-conditions">Conditions proposed from events</h3>
      <p>
        Publishing an event of one of these types proposes a standing condition for review: an opening type proposes the condition,
        prefilled from the event (its dyad, date, verification and sources; held by the event&apos;s actor or by both sides); an ending
        type proposes to end the dyad&apos;s open condition of that kind (the first kind listed that has one) on the event&apos;s date.
        An admin publishes or withdraws the proposal; nothing counts before. A condition in force for over {STILL_IN_FORCE_CHECK_DAYS}{" "}
        days with no linked event since is marked &ldquo;still in force? check&rdquo; on its dyad&apos;s page.
      </p>
      <table>
        <caption>Event types that open or end a standing condition</caption>
        <thead>
          <tr>
            <th scope="col">CAMEO code and meaning</th>
            <th scope="col">Read as</th>
            <th scope="col">Effect</th>
            <th scope="col">Condition</th>
            <th scope="col">Held by</th>
          </tr>
        </thead>
        <tbody>
          {STANDING_RULES.map((r) => (
            <tr key={`${r.cameoCode}/${r.overrideKey ?? ""}`}>
              <td>
                {cameoLabel(r.cameoCode)}
                {r.overrideKey ? ` (with the override “${m.overrides[r.overrideKey].label}”)` : ""}
              </td>
              <td>{r.reads}</td>
              <td>{r.effect}</td>
              <td>{r.kinds.map(humanize).join(", then ")}</td>
              <td>{r.effect === "ends" ? "—" : r.holder === "actor" ? "the actor" : "both sides"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>4. What the screens show</h2>
      <ul>
        <li>
          The current value and its band: ≤ {m.bands.crisisAtOrBelow} crisis · up to {m.bands.tenseAtOrBelow} tense · mixed · from{" "}
          {m.bands.cordialAtOrAbove} cordial · from {m.bands.strongAtOrAbove} strong partnership (a boundary value belongs to the band
          farther from zero). Structure B and momentum P are shown apart.
        </li>
        <li>
          Change over {m.changeWindowsDays.short} and {m.changeWindowsDays.long} days, I(t) − I(t−d), with the sign written out, not only
          coloured. A {m.unusualChange.windowDays}-day change is flagged <em>unusual</em> when it exceeds {m.unusualChange.sigmas} standard
          deviations of the dyad&apos;s earlier {m.unusualChange.windowDays}-day changes.
        </li>
        <li>
          Trend: the least-squares slope of I over the last {m.trend.windowDays} days, in points per {m.trend.perDays} days; &ldquo;stable&rdquo;
          under {m.trend.stableBelow}.
        </li>
        <li>
          Top drivers: each event&apos;s weight today, s · 2<sup>−(t−tᵢ)/h</sup>, and its share of |P|; the conditions in force; the{" "}
          {m.changeWindowsDays.short}-day change split into new events, fading of older ones, and conditions that began or ended.
        </li>
      </ul>
      <p>
        <strong>Staleness and coverage.</strong> Beside each value the cards and dyad pages say how many events fall in the last{" "}
        {COVERAGE_WINDOW_DAYS} days, how many days have passed since the last one, and how today&apos;s weight splits between standing
        conditions and events: the shares of |k · B| and |P| in |k · B| + |P|, the sizes of the two parts inside tanh. With a half-life of{" "}
        {m.halfLifeDays} days an event keeps {Math.round(100 * 2 ** (-COVERAGE_WINDOW_DAYS / m.halfLifeDays))} % of its weight after{" "}
        {COVERAGE_WINDOW_DAYS} days, so a value with no event for longer than that rests, in effect, on its conditions alone, and the page says so in words: &ldquo;{STALE_NOTE}&rdquo;. Such
        a value is not wrong, but it says what was in force, not what happened lately: a relation that changed without a recorded event
        will not show it.
      </p>

      <h2 id="uncertainty">5. How sure is a value</h2>
      <p>
        <strong>Plausible range.</strong> The half-life, the weights and the points are judgements. Beside each value the cards and dyad
        pages give its plausible range, and the dyad chart shades it around the line: {plausibleMeaning()}. For a given half-life the
        index rises with B + P, and each weight or kind of condition enters B + P linearly, so the lowest and highest values sit at the
        ends of the ranges and are computed exactly (for each of the {2 ** 3} corners of the verification weights, each level weight at
        the end that moves its events&apos; sum outwards). The index does not move one way with the half-life (an old event and a recent one
        of opposite signs trade places), so the half-life is tried at {tried.length} values: {tried.join(", ")} days. Every day&apos;s range
        is stored with its value, so reading it costs nothing; it counts the events of the {plausibleHorizonDays()} days before each
        year&apos;s first day (at the longest half-life an older event keeps under a thousandth of its weight). Each driver in a dyad&apos;s
        drivers table has its own range, its weight today with its level and verification weights ±
        {Math.round(PARAM_RANGES.levelWeights * 100)} % and the half-life at either end.
      </p>
      <p>
        <strong>Sensitivity.</strong> For each tracked dyad, how today&apos;s value moves when one parameter alone is {step} lower or
        higher (the saturation c included), computed now from the events and conditions on record, largest move first. The table under
        each chart gives the same numbers.
      </p>
      {sensitivity === null ? (
        <p>
          <Link href={loginHref("/methodology")}>Sign in</Link> to see how each tracked dyad&apos;s value today moves with each parameter.
        </p>
      ) : sensitivity.length === 0 ? (
        <p className="empty">No dyad is tracked yet.</p>
      ) : (
        sensitivity.map((dyad) => (
          <SensitivitySection key={dyad.key} dyad={dyad} step={step} />
        ))
      )}

      <h2 id="versions">Method versions</h2>
      <p>
        Changing any number above makes a new version, dated and explained; every stored day of the index names the version that
        computed it, and after a release the stored index is recomputed under it. The dyad page can draw the previous version&apos;s line
        beside the current one. Each change is checked by a backtest of the index&apos;s monthly direction against the team&apos;s reading of
        the record (<code>docs/validation.md</code>).
      </p>
      <table>
        <caption>Method versions, newest first</caption>
        <ColumnHeads columns={["Version", "Released", "Changed", "Why"]} />
        <tbody>
          {METHOD_VERSIONS.map((release, i) => {
            const before = METHOD_VERSIONS[i - 1];
            const changes = before ? changedParameters(before.method, release.method) : [];
            return { release, changes };
          })
            .reverse()
            .map(({ release, changes }) => (
              <tr key={release.method.version}>
                <td>{release.method.version}</td>
                <td>{release.released}</td>
                <td>{changes.length === 0 ? "first published" : changes.map((c) => `${c.path}: ${c.before} → ${c.after}`).join("; ")}</td>
                <td>{release.reason}</td>
              </tr>
            ))}
        </tbody>
      </table>

      <h2>Where we depart from, or add to, the published method</h2>
      <ul>
        <li>
          Before a dyad&apos;s first recorded event or condition its index is taken as neutral (0), so changes and the trend are defined from
          its first day; the unusual-change baseline only uses changes whose both ends fall within the record, so empty years do not make
          every later move look unusual.
        </li>
        <li>
          The unusual-change flag needs at least {m.unusualChange.minSamples} earlier changes and a move of at least{" "}
          {m.unusualChange.minPoints} point: a flat history has a standard deviation of zero and would otherwise flag any wobble.
        </li>
        <li>
          The drivers list considers events of the last {20 * m.halfLifeDays} days (20 half-lives): older ones weigh under a millionth of
          their score.
        </li>
        <li>The dyad index sums both directions of events (actor → target and back); a per-direction view may follow.</li>
      </ul>

      <h2>Limits</h2>
      <p>
        The Goldstein value reflects the <em>type</em> of an event, not its specifics: a state visit scores the same whatever was said. The
        level and verification weights are our judgement, not published standards; c and h are tuning choices. Every number on screen can
        be traced to the events and conditions behind it, so an analyst can disagree with it, and say why.
      </p>
      <p className="meta">
        Sources: GDELT&apos;s CAMEO-to-Goldstein table and the GDELT 2.0 Event Codebook; the CAMEO codebook&apos;s usage notes; PLOVER for
        the caveats on quad classes.
      </p>
    </article>
  );
}

function SensitivitySection({
  dyad,
  step,
}: {
  dyad: { key: string; label: string; asOf: string; value: number; bars: SensitivityBar[] };
  step: string;
}) {
  const shown = dyad.bars.filter((b) => b.swing >= VISIBLE_MOVE);
  const idle = dyad.bars.filter((b) => b.swing < VISIBLE_MOVE);
  const tableId = `sensitivity-${dyad.key}`;
  const rows = shown.map((b) => ({ label: parameterLabel(b.parameter), lower: b.atLower - dyad.value, higher: b.atHigher - dyad.value }));
  return (
    <section aria-labelledby={`${tableId}-heading`}>
      <h3 id={`${tableId}-heading`}>
        {dyad.label}: {formatIndex(dyad.value)} on {dyad.asOf}
      </h3>
      {rows.length > 0 && (
        <SensitivityChart title={`Sensitivity of ${dyad.label}'s value today to each parameter ±${step}`} tableId={tableId} step={step} rows={rows} />
      )}
      <table id={tableId} className="sensitivity-table">
        <caption>
          How {dyad.label}&apos;s value today ({formatIndex(dyad.value)}) moves with each parameter ±{step}
        </caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">−{step}</th>
            <th scope="col">+{step}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3} className="empty">
                No parameter moves it: nothing weighs on today&apos;s value.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{moved(r.lower)}</td>
                <td>{moved(r.higher)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {idle.length > 0 && <p className="meta">No effect today: {idle.map((b) => parameterLabel(b.parameter)).join(" · ")}.</p>}
    </section>
  );
}
