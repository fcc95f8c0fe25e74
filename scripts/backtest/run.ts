// The backtest: each reference month's direction by the current method, by the previous one
// and by the naive baseline (sign of the month's summed Goldstein values), with agreement and
// Cohen's kappa for each, and the report as Markdown (the block docs/validation.md holds).
import {
  agreementOf,
  directionOf,
  goldsteinDirection,
  monthDays,
  monthlyChange,
  type AgreementStats,
  type Direction,
} from "../../server/method/backtest";
import { eventScore } from "../../server/method/goldstein";
import { METHOD, previousRelease, type Method } from "../../server/method/params";
import { indexSeries, type DyadRecord } from "./record";
import type { ReferenceRow } from "./reference";

export interface Reading {
  direction: Direction;
  /** ΔI over the month for a method; the summed Goldstein values for the baseline. */
  value: number;
}

export interface MonthResult {
  dyad: string;
  month: string;
  reference: Direction;
  /** Keyed by the columns of `BacktestReport.columns`. */
  readings: Reading[];
}

export interface BacktestReport {
  /** "Method 2.0.0", "Method 1.0.0", "Goldstein sign". */
  columns: string[];
  stats: AgreementStats[];
  months: MonthResult[];
  unchangedBelow: number[];
}

export const BASELINE = "Goldstein sign";

export function runBacktest(input: { record: readonly DyadRecord[]; reference: readonly ReferenceRow[]; methods: readonly Method[] }): BacktestReport {
  const { record, reference, methods } = input;
  const lastDay = Math.max(...reference.map((r) => monthDays(r.month).last));
  const byDyad = new Map(record.map((d) => [d.key, d]));
  const series = methods.map((method) => new Map(record.map((d) => [d.key, indexSeries(d, method, lastDay)])));
  const months = reference.map((ref): MonthResult => {
    const dyad = byDyad.get(ref.dyad);
    if (!dyad) throw new Error(`The record holds no dyad ${ref.dyad}`);
    const readings = methods.map((method, i) => {
      const indexOn = series[i]?.get(ref.dyad) ?? (() => 0);
      const change = monthlyChange(indexOn, ref.month);
      return { direction: directionOf(change, method), value: change };
    });
    const { first, last } = monthDays(ref.month);
    // G alone (no level or verification weight): what a reader of raw event codes would sum.
    const goldstein = dyad.events.filter((e) => e.day >= first && e.day <= last).reduce((sum, e) => sum + eventScore(e.event).g, 0);
    return { dyad: ref.dyad, month: ref.month, reference: ref.direction, readings: [...readings, { direction: goldsteinDirection(goldstein), value: goldstein }] };
  });
  const columns = [...methods.map((m) => `Method ${m.version}`), BASELINE];
  const stats = columns.map((_, i) => agreementOf(months.map((m) => ({ reference: m.reference, computed: m.readings[i]?.direction ?? "unchanged" }))));
  return { columns, stats, months, unchangedBelow: methods.map((m) => m.direction.unchangedBelow) };
}

const fixed = (x: number | null, digits: number) => (x === null ? "n/a" : x.toFixed(digits));
/** The current method with only k varied: how much the result depends on the value chosen. */
export function conditionWeightSweep(input: { record: readonly DyadRecord[]; reference: readonly ReferenceRow[]; method: Method; weights: readonly number[] }) {
  const { method, weights } = input;
  const methods = weights.map((conditionWeight) => ({ ...method, conditionWeight }));
  const { stats } = runBacktest({ ...input, methods });
  return weights.map((weight, i) => ({ weight, stats: stats[i] }));
}

export function renderSweep(rows: ReturnType<typeof conditionWeightSweep>): string {
  return [
    "| condition weight k | agree | Cohen's kappa |",
    "|---:|---:|---:|",
    ...rows.map(({ weight, stats }) => `| ${weight} | ${stats ? `${stats.agreed} / ${stats.n}` : "n/a"} | ${fixed(stats?.kappa ?? null, 3)} |`),
  ].join("\n");
}

const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;

/** The report as Markdown: the numbers table, then every month at least one column gets wrong. */
export function renderReport(report: BacktestReport): string {
  const lines = [
    "| reading | months | agree | agreement | Cohen's kappa |",
    "|---|---:|---:|---:|---:|",
    ...report.columns.map((column, i) => {
      const s = report.stats[i];
      return s ? `| ${column} | ${s.n} | ${s.agreed} | ${fixed(s.agreement === null ? null : 100 * s.agreement, 1)} % | ${fixed(s.kappa, 3)} |` : "";
    }),
    "",
    `Months where a reading disagrees with the reference (ΔI in index points over the month, "unchanged" under ${report.unchangedBelow.join(" / ")} points; ΣG for the baseline; ✗ marks the disagreement):`,
    "",
    `| dyad | month | reference | ${report.columns.join(" | ")} |`,
    `|---|---|---|${report.columns.map(() => "---").join("|")}|`,
  ];
  for (const m of report.months) {
    if (m.readings.every((r) => r.direction === m.reference)) continue;
    const cells = m.readings.map((r) => `${r.direction === m.reference ? "" : "✗ "}${r.direction} (${signed(r.value)})`);
    lines.push(`| ${m.dyad} | ${m.month} | ${m.reference} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

const BEGIN = "<!-- backtest:begin (written by the backtest's --write-doc; edit the reference, not this block) -->";
const END = "<!-- backtest:end -->";

/** The report block a document holds between the markers, or null without them. */
export function reportBlockOf(doc: string): string | null {
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  return from < 0 || to < from ? null : doc.slice(from + BEGIN.length, to).trim();
}

/** The document with its report block replaced by `report`. */
export function withReportBlock(doc: string, report: string): string {
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`the document has no ${BEGIN} … ${END} block`);
  return `${doc.slice(0, from)}${BEGIN}\n${report}\n${doc.slice(to)}`;
}

/** Values of k the report tries around the current one. */
const SWEEP_WEIGHTS = [1, 0.75, 0.6, 0.5, 0.4, 0.33, 0.25];

/**
 * The whole report for a reference: the current method against its predecessor and the
 * baseline, then the sweep of k. What the command prints and docs/validation.md holds.
 */
export function backtestMarkdown(record: readonly DyadRecord[], reference: readonly ReferenceRow[], method: Method = METHOD): string {
  const previous = previousRelease(method.version)?.method;
  const report = renderReport(runBacktest({ record, reference, methods: previous ? [method, previous] : [method] }));
  const sweep = renderSweep(conditionWeightSweep({ record, reference, method, weights: SWEEP_WEIGHTS }));
  return `${report}\n\nMethod ${method.version} with only the condition weight k varied:\n\n${sweep}`;
}
