import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cameoWordsFrom } from "@/app/_components/cameo-words";
import { ColumnHeads } from "@/app/_components/column-heads";
import { formatIndex } from "@/app/_components/relations/format-index";
import { SensitivityChart } from "@/app/_components/relations/sensitivity-chart";
import { linkTag } from "@/app/_components/rich-tags";
import { loginHref } from "@/server/auth/paths";
import { requestContext, serverCaller } from "@/server/caller";
import { CAMEO_OPTIONS, cameoLabel } from "@/server/method/goldstein";
import { COVERAGE_WINDOW_DAYS } from "@/server/method/coverage";
import { changedParameters, METHOD, METHOD_VERSIONS, PARAM_RANGES, type ConditionKind, type Level, type Verification } from "@/server/method/params";
import { STANDING_RULES, STILL_IN_FORCE_CHECK_DAYS } from "@/server/method/standing";
import { halfLivesTried, plausibleHorizonDays, type SensitivityBar, type SensitivityParameter } from "@/server/method/plausible";
import { emphasis, type MethodWords, methodWords } from "./method-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("methodology");
  return { title: t("metaTitle") };
}

export const dynamic = "force-dynamic";

// Everything below is read from server/method/params.ts: the page cannot drift from the code.
const rootCodes = CAMEO_OPTIONS.filter((o) => o.code.length === 2);

/** A move under this many points is shown as "no effect today" rather than as an invisible bar. */
const VISIBLE_MOVE = 0.05;

const entries = <K extends string, V>(record: Readonly<Record<K, V>>) => Object.entries(record) as [K, V][];

function parameterLabel(p: SensitivityParameter, { t, events, format }: MethodWords): string {
  const value = format.number(p.nominal);
  switch (p.kind) {
    case "halfLifeDays":
      return t("sensitivity.halfLife", { days: value });
    case "c":
      return t("sensitivity.saturation", { value });
    case "conditionWeight":
      return t("sensitivity.conditionWeight", { value });
    case "levelWeights":
      return t("sensitivity.levelWeight", { level: events(`levels.${p.key}`), value });
    case "verificationWeights":
      return t("sensitivity.verificationWeight", { verification: events(`verifications.${p.key}`), value });
    case "conditionPoints":
      return t("sensitivity.conditionPoints", { condition: t(`conditions.${p.key}`), value: format.number(p.nominal, { signDisplay: "exceptZero" }) });
  }
}

export default async function MethodologyPage() {
  // The page is public; the live sensitivity of the tracked dyads is for signed-in readers only.
  const { user } = await requestContext();
  const [sensitivity, words, cameo] = await Promise.all([
    user ? (await serverCaller()).relations.sensitivity() : null,
    methodWords(),
    getTranslations("cameo").then(cameoWordsFrom),
  ]);
  const { t, events, format } = words;
  const m = METHOD;
  const number = format.number;
  const step = `${Math.round(PARAM_RANGES.sensitivityStep * 100)} %`;
  const tried = halfLivesTried().map((h) => Math.round(h * 10) / 10);
  const signed = (x: number) => number(x, { signDisplay: "exceptZero" });
  const percent = (x: number) => number(Math.round(x * 100));
  const list = (parts: string[]) => parts.join(" · ");
  return (
    <article className="prose">
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { ...emphasis, version: m.version })}</p>

      <h2>{t("score.heading")}</h2>
      <p>{t.rich("score.goldstein", { ...emphasis, count: number(CAMEO_OPTIONS.length) })}</p>
      <table>
        <caption>{t("score.rootsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("score.codeAndMeaning")}</th>
            <th scope="col">G</th>
          </tr>
        </thead>
        <tbody>
          {rootCodes.map((o) => (
            <tr key={o.code}>
              <td>
                {o.code} {cameo.category(o.code)}
              </td>
              <td>{number(o.goldstein, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">{t("score.cameoNames")}</p>
      <p>{t("score.overridesIntro")}</p>
      <ul>
        {entries(m.overrides).map(([key, o]) => (
          <li key={key}>{t("score.override", { label: t(`overrides.${key}`), code: o.cameoBase, value: signed(o.goldstein) })}</li>
        ))}
        <li>{t("score.manual")}</li>
      </ul>
      <p>
        {t.rich("score.weights", {
          ...emphasis,
          levels: list(entries(m.levelWeights).map(([level, w]: [Level, number]) => `${events(`levels.${level}`)} ${number(w)}`)),
          verifications: list(entries(m.verificationWeights).map(([v, w]: [Verification, number]) => `${events(`verifications.${v}`)} ${number(w)}`)),
        })}
      </p>

      <h2>{t("dates.heading")}</h2>
      <p>{t("dates.body")}</p>

      <h2>{t("index.heading")}</h2>
      <p>{t.rich("index.pulse", { ...emphasis, days: number(m.halfLifeDays), twice: number(2 * m.halfLifeDays) })}</p>
      <p>{t.rich("index.ledger", { ...emphasis, k: number(m.conditionWeight) })}</p>
      <table>
        <caption>{t("index.pointsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("index.condition")}</th>
            <th scope="col">{t("index.points")}</th>
          </tr>
        </thead>
        <tbody>
          {entries(m.conditionPoints).map(([kind, points]: [ConditionKind, number]) => (
            <tr key={kind}>
              <td>{t(`conditions.${kind}`)}</td>
              <td>{signed(points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.rich("index.formula", { ...emphasis, c: number(m.c) })}</p>

      <h3 id="standing-conditions">{t("standing.heading")}</h3>
      <p>{t("standing.body", { days: number(STILL_IN_FORCE_CHECK_DAYS) })}</p>
      <table>
        <caption>{t("standing.caption")}</caption>
        <ColumnHeads columns={[t("standing.code"), t("standing.reads"), t("standing.effect"), t("standing.condition"), t("standing.holder")]} />
        <tbody>
          {STANDING_RULES.map((r) => (
            <tr key={`${r.cameoCode}/${r.overrideKey ?? ""}`}>
              <td>
                {cameo.typeLabel(r.cameoCode, cameoLabel(r.cameoCode) ?? r.cameoCode)}
                {r.overrideKey ? ` ${t("standing.withOverride", { label: t(`overrides.${r.overrideKey}`) })}` : ""}
              </td>
              <td>{words.ruleReads(r)}</td>
              <td>{t(`standing.effects.${r.effect}`)}</td>
              <td>{r.kinds.map((kind) => t(`conditions.${kind}`)).join(t("standing.then"))}</td>
              <td>{r.effect === "ends" ? "—" : t(`standing.holders.${r.holder}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 id="review-workflow">{t("workflow.heading")}</h3>
      <p>{t("workflow.body")}</p>
      <p>{t("workflow.paths")}</p>

      <h2>{t("screens.heading")}</h2>
      <ul>
        <li>
          {t("screens.bands", {
            crisis: number(m.bands.crisisAtOrBelow),
            tense: number(m.bands.tenseAtOrBelow),
            cordial: number(m.bands.cordialAtOrAbove),
            strong: number(m.bands.strongAtOrAbove),
            crisisName: t("bands.crisis"),
            tenseName: t("bands.tense"),
            mixedName: t("bands.mixed"),
            cordialName: t("bands.cordial"),
            strongName: t("bands.strong_partnership"),
          })}
        </li>
        <li>
          {t.rich("screens.change", {
            ...emphasis,
            short: number(m.changeWindowsDays.short),
            long: number(m.changeWindowsDays.long),
            window: number(m.unusualChange.windowDays),
            sigmas: number(m.unusualChange.sigmas),
          })}
        </li>
        <li>{t("screens.trend", { window: number(m.trend.windowDays), per: number(m.trend.perDays), stable: number(m.trend.stableBelow) })}</li>
        <li>{t.rich("screens.drivers", { ...emphasis, short: number(m.changeWindowsDays.short) })}</li>
      </ul>
      <p>
        {t.rich("screens.staleness", {
          ...emphasis,
          window: number(COVERAGE_WINDOW_DAYS),
          halfLife: number(m.halfLifeDays),
          kept: number(Math.round(100 * 2 ** (-COVERAGE_WINDOW_DAYS / m.halfLifeDays))),
          note: t("screens.staleNote"),
        })}
      </p>

      <h2 id="uncertainty">{t("uncertainty.heading")}</h2>
      <p>
        {t.rich("uncertainty.plausible", {
          ...emphasis,
          meaning: t("uncertainty.meaning", {
            min: number(PARAM_RANGES.halfLifeDays.min),
            max: number(PARAM_RANGES.halfLifeDays.max),
            percent: percent(PARAM_RANGES.levelWeights),
          }),
          corners: number(2 ** 3),
          count: number(tried.length),
          values: tried.map((h) => number(h)).join(", "),
          horizon: number(plausibleHorizonDays()),
          levelRange: percent(PARAM_RANGES.levelWeights),
        })}
      </p>
      <p>{t.rich("uncertainty.sensitivity", { ...emphasis, step })}</p>
      {sensitivity === null ? (
        <p>{t.rich("uncertainty.signIn", { link: linkTag(loginHref("/methodology")) })}</p>
      ) : sensitivity.length === 0 ? (
        <p className="empty">{t("uncertainty.noDyad")}</p>
      ) : (
        sensitivity.map((dyad) => <SensitivitySection key={dyad.key} dyad={dyad} step={step} words={words} />)
      )}

      <h2 id="versions">{t("versions.heading")}</h2>
      <p>{t.rich("versions.body", emphasis)}</p>
      <table>
        <caption>{t("versions.caption")}</caption>
        <ColumnHeads columns={[t("versions.version"), t("versions.released"), t("versions.changed"), t("versions.why")]} />
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
                <td>
                  <time dateTime={release.released}>{format.day(release.released)}</time>
                </td>
                {/* Parameter paths are the code's names, the same in every language. */}
                <td dir="ltr">{changes.length === 0 ? t("versions.first") : changes.map((c) => `${c.path}: ${c.before} → ${c.after}`).join("; ")}</td>
                <td>{words.reason(release.method.version, release.reason)}</td>
              </tr>
            ))}
        </tbody>
      </table>

      <h2>{t("departures.heading")}</h2>
      <ul>
        <li>{t("departures.neutral")}</li>
        <li>{t("departures.unusual", { samples: number(m.unusualChange.minSamples), points: number(m.unusualChange.minPoints) })}</li>
        <li>{t("departures.drivers", { days: number(20 * m.halfLifeDays) })}</li>
        <li>{t("departures.directions")}</li>
      </ul>

      <h2>{t("limits.heading")}</h2>
      <p>{t.rich("limits.body", emphasis)}</p>
      <p className="meta">{t("limits.sources")}</p>
    </article>
  );
}

function SensitivitySection({ dyad, step, words }: { dyad: { key: string; label: string; asOf: string; value: number; bars: SensitivityBar[] }; step: string; words: MethodWords }) {
  const { t, format } = words;
  const shown = dyad.bars.filter((b) => b.swing >= VISIBLE_MOVE);
  const idle = dyad.bars.filter((b) => b.swing < VISIBLE_MOVE);
  const tableId = `sensitivity-${dyad.key}`;
  // One decimal, and never "−0.0" (formatIndex's rounding), in the reader's digits and separators.
  const indexValue = (x: number) => format.number(Number(formatIndex(x)), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rows = shown.map((b) => ({ label: parameterLabel(b.parameter, words), lower: b.atLower - dyad.value, higher: b.atHigher - dyad.value }));
  const moved = (x: number) => {
    const r = Math.round(x * 10) / 10;
    return r === 0 ? t("sensitivity.noChange") : format.number(r, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  };
  return (
    <section aria-labelledby={`${tableId}-heading`}>
      <h3 id={`${tableId}-heading`}>{t("sensitivity.heading", { dyad: dyad.label, value: indexValue(dyad.value), day: format.day(dyad.asOf) })}</h3>
      {rows.length > 0 && (
        <SensitivityChart
          title={t("sensitivity.chart", { dyad: dyad.label, step })}
          tableId={tableId}
          step={step}
          rows={rows}
        />
      )}
      <table id={tableId} className="sensitivity-table">
        <caption>{t("sensitivity.caption", { dyad: dyad.label, value: indexValue(dyad.value), step })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sensitivity.parameter")}</th>
            <th scope="col">−{step}</th>
            <th scope="col">+{step}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3} className="empty">
                {t("sensitivity.none")}
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
      {idle.length > 0 && <p className="meta">{t("sensitivity.idle", { parameters: idle.map((b) => parameterLabel(b.parameter, words)).join(" · ") })}</p>}
    </section>
  );
}
