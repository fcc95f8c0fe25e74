"use client";
// A small line of the index over the last year, for a card; the card's text carries the numbers.
// It has no axis of days: it draws the values in order, and the page sends only those.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from "recharts";

export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const t = useTranslations("relations.cards");
  const points = useMemo(() => values.map((index) => ({ index })), [values]);
  if (points.length < 2) return null;
  return (
    // Decorative: the card states the value and change in words. Time runs left to right in every language.
    <div className="sparkline" aria-hidden="true" dir="ltr" title={t("sparkline", { dyad: label })}>
      <ResponsiveContainer width="100%" height={48}>
        {/* No accessibility layer: recharts would make the hidden drawing a Tab stop (role
            "application", tabindex 0) that keyboard users reach and screen readers cannot name. */}
        <LineChart data={points} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false}>
          <YAxis domain={[-100, 100]} hide />
          <ReferenceLine y={0} stroke="#c9c5ba" strokeDasharray="3 3" />
          <Line type="monotone" dataKey="index" stroke="#0b5c7a" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
