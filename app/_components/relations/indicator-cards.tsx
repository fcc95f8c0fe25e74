// The headline: one card per tracked dyad, with value, band, 30-day change, a sparkline and
// how far the value rests on recent events.
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import type { Coverage } from "@/server/method/coverage";
import type { DatePrecision } from "@/server/method/params";
import { Sparkline } from "../charts/sparkline";
import { getFormat } from "../server-format";
import { CoverageNote } from "./coverage-note";
import { BAND_CLASS, formatChange, formatIndex, formatPlausible, plausibleMeaning } from "./format-index";
import { IndexValue } from "./index-value";

export interface IndicatorCardData {
  key: string;
  /** The dyad's and band's names in the reader's language (the page names them, see getPlaces). */
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

export async function IndicatorCards({
  cards,
  sparklines,
}: {
  cards: IndicatorCardData[];
  /** Each card's index week by week, oldest first. */
  sparklines: Record<string, number[]>;
}) {
  const [t, format] = await Promise.all([getTranslations("relations"), getFormat()]);
  if (cards.length === 0) {
    return <p className="empty">{t("cards.empty")}</p>;
  }
  return (
    <ul className="card-list" aria-label={t("cards.label")}>
      {cards.map((card) => {
        const change = formatChange(t, format, card.change30);
        const value = formatIndex(card.value, format);
        return (
          <li key={card.key} className="card indicator">
            <h3>
              <Link href={`/dyads/${card.key}`}>{card.label}</Link>
            </h3>
            <p className="indicator-value">
              <IndexValue text={value} />{" "}
              <span className={`badge ${BAND_CLASS[card.band] ?? ""}`}>{card.bandLabel}</span>
            </p>
            {card.plausible && (
              <p className="meta plausible" title={t("cards.plausibleTitle", { meaning: plausibleMeaning(t) })}>
                {value}, {formatPlausible(t, format, card.plausible)}
              </p>
            )}
            <p className={`change change-${change.direction}`}>
              {change.direction === "up" ? "▲" : change.direction === "down" ? "▼" : "■"} {t("cards.change", { change: change.text })}
              {card.unusualChange && <strong className="unusual"> · {t("cards.unusual")}</strong>}
            </p>
            <Sparkline values={sparklines[card.key] ?? []} label={card.label} />
            <p className="meta">{t("cards.parts", { ledger: formatIndex(card.ledger, format), pulse: formatIndex(card.pulse, format) })}</p>
            <p className="meta">
              {card.lastEvent ? (
                <>
                  {t("cards.latestEvent", { date: format.period(card.lastEvent.date, card.lastEvent.datePrecision) })} —{" "}
                  <span dir="auto">{card.lastEvent.title}</span>
                </>
              ) : (
                t("cards.noEvent")
              )}
            </p>
            <CoverageNote coverage={card.coverage} />
          </li>
        );
      })}
    </ul>
  );
}
