// The map's countries as a list: the same values and bands, reachable with Tab and Enter.
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import { BAND_CLASS, formatIndex } from "../relations/format-index";
import { IndexValue } from "../relations/index-value";
import { useFormat } from "../use-format";
import type { ShadedCountry } from "./choropleth";
import type { MapCountry } from "./types";

export function CountryList({ shaded, countries }: { shaded: readonly ShadedCountry[]; countries: readonly MapCountry[] }) {
  const t = useTranslations("dashboard.map");
  const format = useFormat();
  const disputed = countries.filter((c) => c.status === "DISPUTED_TERRITORY" && !shaded.some((s) => s.code === c.code));
  return (
    <div className="map-countries">
      <h3 id="map-countries-heading">{t("countriesHeading")}</h3>
      <ul aria-labelledby="map-countries-heading">
        {shaded.map((s) => (
          <li key={s.code}>
            <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
            <Link href={`/dyads/${s.key}`}>{s.name}</Link>{" "}
            <IndexValue text={formatIndex(s.value, format)} />{" "}
            <span className={`badge ${BAND_CLASS[s.band] ?? ""}`}>{s.bandLabel}</span>
          </li>
        ))}
        {disputed.map((c) => (
          <li key={c.code}>
            <span className="swatch swatch-disputed" aria-hidden="true" />
            {c.name} <span className="badge badge-disputed">{t("disputed")}</span>
            {c.statusNote && (
              <p className="meta" dir="auto">
                {c.statusNote}
              </p>
            )}
          </li>
        ))}
      </ul>
      {shaded.length === 0 && <p className="empty">{t("noneTracked")}</p>}
    </div>
  );
}
