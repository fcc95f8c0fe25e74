"use client";
// Country, dyad and band names in a client component (server components: getPlaces).
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { placesFrom, type Places } from "./places";

export function usePlaces(): Places {
  const places = useTranslations("places");
  const relations = useTranslations("relations");
  return useMemo(() => placesFrom({ country: (code) => places(`countries.${code}`), band: (band) => relations(`bands.${band}`), statusNote: (code) => places(`statusNotes.${code}`) }), [places, relations]);
}
