"use client";
// The index of one or more dyads over a range, with the range's largest events as markers, the
// analyst notes its reader may see as flags, and one dyad's plausible range (the page's own, not a
// compared one) shaded around its line.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { plausibleMeaning } from "../relations/format-index";
import { useFormat } from "../use-format";
import { tenth, unpackPoints, type PackedPoints } from "./chart-points";

export interface ChartSeries {
  key: string;
  label: string;
  /** As packPoints gives them; low/high: the plausible range of the value (server/method/plausible.ts). */
  points: PackedPoints;
  /** Drawn dashed and grey: another method version's line for comparison, not a dyad of its own. */
  dashed?: boolean;
}

export interface ChartMarker {
  id: string;
  dyadKey: string;
  title: string;
  day: string;
  dateLabel: string;
  score: number;
  contributionToday: number;
}

/** An analyst note placed on the page's own dyad: drawn as a flag on its day. */
export interface ChartNote {
  id: string;
  day: string;
  /** The hover text: the day, who wrote it and its opening words. */
  label: string;
}

const RANGE_KEY = "plausible";
const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;
const COLOURS = ["#0b5c7a", "#b8461b", "#5b3f99", "#2f7d32", "#8a5a00", "#444"];
/** The compared version's line; recharts writes its legend text in it: #767676 is the lightest grey at 4.5:1 on white. */
const COMPARED_GREY = "#767676";
const BANDS = [
  { y1: -100, y2: -60, fill: "#f6dede" },
  { y1: -60, y2: -20, fill: "#fbeee6" },
  { y1: 20, y2: 60, fill: "#eaf5ec" },
  { y1: 60, y2: 100, fill: "#d8efdf" },
];

export function IndexChart({
  series: packed,
  markers,
  notes = [],
  title,
  rangeOf,
}: {
  series: ChartSeries[];
  markers: ChartMarker[];
  /** Flags on the first series' line; the page lists the same notes, in full, below the chart. */
  notes?: ChartNote[];
  title: string;
  /** The key of the dyad whose plausible range is shaded. */
  rangeOf?: string;
}) {
  const series = useMemo(() => packed.map((s) => ({ ...s, points: unpackPoints(s.points) })), [packed]);
  // One row per day with a column per dyad: the shape recharts wants for several lines.
  const rows = new Map<string, Record<string, number | string | number[]>>();
  const primary = series[0];
  const shaded = series.find((s) => s.key === rangeOf);
  for (const s of series) {
    for (const p of s.points) {
      const row = rows.get(p.day) ?? { day: p.day };
      row[s.key] = tenth(p.index);
      if (s === shaded && p.low !== undefined && p.high !== undefined) row[RANGE_KEY] = [tenth(p.low), tenth(p.high)];
      rows.set(p.day, row);
    }
  }
  const t = useTranslations("relations");
  const noteWords = useTranslations("notes");
  const format = useFormat();
  const data = [...rows.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const ranged = data.some((row) => RANGE_KEY in row);
  const valueOn = (key: string, day: string) => {
    const points = series.find((s) => s.key === key)?.points ?? [];
    // Weekly series: the marker sits on the nearest sampled day at or after the event.
    const point = points.find((p) => p.day >= day) ?? points.at(-1);
    return point ? { day: point.day, index: point.index } : null;
  };

  return (
    // Time runs left to right in every language: the chart keeps its direction in Arabic.
    <figure className="chart" aria-label={title} dir="ltr">
      <ResponsiveContainer width="100%" height={360}>
        <ComposedChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          {BANDS.map((b) => (
            <ReferenceArea key={b.y1} y1={b.y1} y2={b.y2} fill={b.fill} fillOpacity={0.6} ifOverflow="hidden" />
          ))}
          <CartesianGrid stroke="#e4e1d8" vertical={false} />
          <XAxis dataKey="day" minTickGap={40} tick={{ fontSize: 12 }} />
          <YAxis domain={[-100, 100]} ticks={[-100, -60, -20, 0, 20, 60, 100]} tick={{ fontSize: 12 }} width={40} />
          <Tooltip formatter={(value) => (Array.isArray(value) ? t("chart.range", { low: String(value[0]), high: String(value[1]) }) : value)} />
          <Legend />
          {shaded && ranged && (
            <Area
              dataKey={RANGE_KEY}
              name={t("chart.plausibleName", { dyad: shaded.label })}
              stroke="none"
              fill={COLOURS[series.indexOf(shaded) % COLOURS.length]}
              fillOpacity={0.18}
              legendType="none"
              isAnimationActive={false}
            />
          )}
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.dashed ? COMPARED_GREY : COLOURS[i % COLOURS.length]}
              strokeDasharray={s.dashed ? "6 4" : undefined}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {primary &&
            markers
              .filter((m) => m.dyadKey === primary.key)
              .map((m) => {
                const at = valueOn(m.dyadKey, m.day);
                if (!at) return null;
                return (
                  <ReferenceDot
                    key={m.id}
                    x={at.day}
                    y={Math.round(at.index * 10) / 10}
                    shape={<MarkerDot marker={m} text={t("chart.marker", { title: m.title, date: m.dateLabel, score: format.number(m.score, TWO_DECIMALS), weight: format.number(m.contributionToday, TWO_DECIMALS) })} />}
                  />
                );
              })}
          {primary &&
            notes.map((n) => {
              const at = valueOn(primary.key, n.day);
              if (!at) return null;
              return [
                <ReferenceLine key={`${n.id}-line`} x={at.day} stroke="#8a5a00" strokeDasharray="2 3" />,
                <ReferenceDot key={n.id} x={at.day} y={tenth(at.index)} shape={<NoteFlag note={n} />} />,
              ];
            })}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="meta" dir="auto">
        {t("chart.caption")}
        {ranged && shaded ? ` ${t("chart.captionRange", { dyad: shaded.label, meaning: plausibleMeaning(t) })}` : ""}
        {notes.length > 0 ? ` ${noteWords("chartCaption")}` : ""}
      </figcaption>
    </figure>
  );
}

/** recharts clones this with the dot's position (cx, cy); the title is the hover tooltip. */
function MarkerDot({ marker, text, cx, cy }: { marker: ChartMarker; text: string; cx?: number; cy?: number }) {
  return (
    <circle cx={cx} cy={cy} r={5} fill={marker.score >= 0 ? "#2f7d32" : "#9b1c1c"} stroke="#fff" strokeWidth={1.5}>
      <title>{text}</title>
    </circle>
  );
}

/** A note's flag: a square, so it is told from an event's dot without its colour. */
function NoteFlag({ note, cx, cy }: { note: ChartNote; cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined) return null;
  return (
    <rect className="note-flag" x={cx - 5} y={cy - 5} width={10} height={10} fill="#8a5a00" stroke="#fff" strokeWidth={1.5}>
      <title>{note.label}</title>
    </rect>
  );
}
