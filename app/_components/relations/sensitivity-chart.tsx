"use client";
// A tornado chart: how one dyad's value today moves when each method parameter alone moves by
// −25 % and by +25 %, one pair of horizontal bars per parameter, largest first. The page puts
// the same numbers in a table (aria-describedby) for screen readers.
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface SensitivityRow {
  label: string;
  /** Points the value moves with the parameter lowered and raised. */
  lower: number;
  higher: number;
}

const tenth = (x: number) => Math.round(x * 10) / 10;

export function SensitivityChart({ title, tableId, step, rows }: { title: string; tableId: string; step: string; rows: SensitivityRow[] }) {
  const t = useTranslations("methodology.sensitivity");
  const data = rows.map((r) => ({ label: r.label, lower: tenth(r.lower), higher: tenth(r.higher) }));
  return (
    <figure className="chart sensitivity" aria-label={title} aria-describedby={tableId}>
      <ResponsiveContainer width="100%" height={60 + rows.length * 34}>
        {/* accessibilityLayer: the chart takes focus and its arrow keys step through the parameters' tooltips. */}
        <BarChart accessibilityLayer data={data} layout="vertical" barGap={0} margin={{ top: 5, right: 20, bottom: 5, left: 10 }}>
          <CartesianGrid stroke="#e4e1d8" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={230} tick={{ fontSize: 12 }} />
          <ReferenceLine x={0} stroke="#444" />
          <Tooltip formatter={(value) => t("points", { value: `${Number(value) > 0 ? "+" : ""}${String(value)}` })} />
          <Legend />
          <Bar dataKey="lower" name={t("lower", { step })} fill="#b8461b" isAnimationActive={false} />
          <Bar dataKey="higher" name={t("higher", { step })} fill="#0b5c7a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
