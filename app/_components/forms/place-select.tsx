"use client";
// Where a record happened, chosen among known places (the capitals), in a form with a `place` field.
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import type { z } from "zod";
import type { placeInput } from "@/server/shared/schemas";
import { useHydrated } from "../use-hydrated";

export interface PlaceOption {
  name: string;
  lat: number;
  lon: number;
  country: string;
}

export function PlaceSelect({ places, emptyLabel }: { places: PlaceOption[]; emptyLabel: string }) {
  const { control, setValue } = useFormContext<{ place?: z.input<typeof placeInput> }>();
  const place = useWatch({ control, name: "place" });
  const t = useTranslations("forms.place");
  // Not a registered field, so the form's own wait for hydration does not reach it: it waits here.
  const hydrated = useHydrated();
  // A place recorded elsewhere (an import, the seed) stays choosable rather than silently lost.
  const options = place && !places.some((p) => p.name === place.name) ? [{ ...place, country: t("asRecorded") }, ...places] : places;
  return (
    <div className="field">
      <label htmlFor="place">{t("label")}</label>
      <select
        id="place"
        value={place?.name ?? ""}
        disabled={!hydrated}
        onChange={(e) => {
          const chosen = options.find((p) => p.name === e.target.value);
          setValue("place", chosen ? { name: chosen.name, lat: chosen.lat, lon: chosen.lon } : undefined, { shouldDirty: true });
        }}
      >
        <option value="">{emptyLabel}</option>
        {options.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name} ({p.country})
          </option>
        ))}
      </select>
    </div>
  );
}
