// The headline: one card per tracked dyad, with value, band, 30-day change, a sparkline and
// how far the value rests on recent events.
import { Link } from "@/app/_components/link";
import type { Coverage } from "@/server/method/coverage";
import type { DatePrecision } from "@/server/method/params";
import { plausibleMeaning } from "@/server/method/plausible";
import { Sparkline } from "../charts/sparkline";
import { formatDate } from "../format";
import { CoverageNote } from "./coverage-note";
import { IndexValue } from "./index-value";
import { BAND_CLASS, formatChange, formatIndex, formatPlausible } from "./format-index";

export interface IndicatorCardData {
  key: string;
  label: string;
  value: number;
  band: string;
  bandLabel: string;
  change30: number;
  unusualChange: boolean;
  ledger: number;
  pulse: number;
  coverage: Coverage;
  plausible: { low: number; high: number } | null;
  lastEvent: { title: string; date: Date; datePrecision: DatePrecision } | null;
}

export function IndicatorCards({
  cards,
  sparklines,
}: {
  cards: IndicatorCardData[];
  sparklines: Record<string, { day: string; index: number }[]>;
}) {
  if (cards.length === 0) {
    return <p className="empty">No dyad is tracked yet. Run `npm run db:seed` for the demo set, or ask an admin to add one.</p>;
  }
  return (
    <ul className="card-list" aria-label="Relation indicators">
      {cards.map((card) => {
        const change = formatChange(card.change30);
        return (
          <li key={card.key} className="card indicator">
            <h3>
              <Link href={`/dyads/${card.key}`}>{card.label}</Link>
            </h3>
            <p className="indicator-value">
              <IndexValue value={card.value} />{" "}
              <span className={`badge ${BAND_CLASS[card.band] ?? ""}`}>{card.bandLabel}</span>
            </p>
            {card.plausible && (
              <p className="meta plausible" title={`Plausible range: ${plausibleMeaning()}`}>
                {formatIndex(card.value)}, {formatPlausible(card.plausible)}
              </p>
            )}
            <p className={`change change-${change.direction}`}>
              {change.direction === "up" ? "▲" : change.direction === "down" ? "▼" : "■"} {change.text} over 30 days
              {card.unusualChange && <strong className="unusual"> · unusual move</strong>}
            </p>
            <Sparkline points={sparklines[card.key] ?? []} label={card.label} />
            <p className="meta">
              Structure (conditions) {formatIndex(card.ledger)} · momentum (events) {formatIndex(card.pulse)}
            </p>
            <p className="meta">
              {card.lastEvent
                ? `Latest event: ${formatDate(card.lastEvent.date, card.lastEvent.datePrecision)} — ${card.lastEvent.title}`
                : "No event recorded yet"}
            </p>
            <CoverageNote coverage={card.coverage} />
          </li>
        );
      })}
    </ul>
  );
}
