"use client";
// The map's words in the reader's language, for the pure choropleth helpers and the event popups.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Formatters } from "@/server/i18n/format";
import type { Band } from "@/server/method/params";
import { formatIndex } from "../relations/format-index";
import { useFormat } from "../use-format";
import { usePlaces } from "../use-places";
import type { MapWords } from "./choropleth";
import type { EventWords } from "./event-layer";

type MapTranslator = ReturnType<typeof useTranslations<"dashboard.map">>;

/** Pure: the words from a `dashboard.map` translator, band names and the reader's formatters. */
export function mapWordsFrom(t: MapTranslator, band: (band: Band) => string, format: Pick<Formatters, "number" | "period">): MapWords & EventWords {
  const twoDecimals = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return {
    band,
    range: (from, to) => t("legendRange", { from, to }),
    disputedLine: (note) => (note ? t("disputedNote", { note }) : t("disputedTerritory")),
    disputed: t("disputed"),
    index: (value, bandName) => t("index", { value: formatIndex(value, format), band: bandName }),
    untracked: t("untracked"),
    date: (event) => format.period(new Date(event.date), event.datePrecision),
    shownAtCapital: (place) => t("shownAtCapital", { place }),
    score: (score, tone) => t("score", { score: format.number(score, twoDecimals), tone }),
    open: t("openEvent"),
    atPlace: (count) => t("atPlace", { count }),
    listScore: (score) => t("listScore", { score: format.number(score, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }),
    more: (count) => t("more", { count }),
  };
}

export function useMapWords(): MapWords & EventWords {
  const t = useTranslations("dashboard.map");
  const places = usePlaces();
  const format = useFormat();
  return useMemo(() => mapWordsFrom(t, (band) => places.band(band, band), format), [t, places, format]);
}
