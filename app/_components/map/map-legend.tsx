// What the map's colours, lines and markers mean.
import { useTranslations } from "next-intl";
import { bandLegend } from "./choropleth";
import { useMapWords } from "./use-map-words";

export function MapLegend() {
  const t = useTranslations("dashboard.map");
  const words = useMapWords();
  return (
    <div className="map-legend">
      <ul aria-label={t("legend")}>
        {bandLegend(words).map((b) => (
          <li key={b.band}>
            <span className="swatch" style={{ background: b.colour }} aria-hidden="true" /> {b.label}{" "}
            <span className="meta" dir="ltr">
              ({b.range})
            </span>
          </li>
        ))}
        <li>
          <span className="swatch swatch-disputed" aria-hidden="true" /> {t("disputed")}
        </li>
      </ul>
      <p className="meta">{t("legendNote")}</p>
    </div>
  );
}
