// The map's countries as a list: the same values and bands, reachable with Tab and Enter.
import { Link } from "@/app/_components/link";
import { BAND_CLASS, formatIndex } from "../relations/format-index";
import { IndexValue } from "../relations/index-value";
import type { ShadedCountry } from "./choropleth";
import type { MapCountry } from "./types";

export function CountryList({ shaded, countries }: { shaded: readonly ShadedCountry[]; countries: readonly MapCountry[] }) {
  const disputed = countries.filter((c) => c.status === "DISPUTED_TERRITORY" && !shaded.some((s) => s.code === c.code));
  return (
    <div className="map-countries">
      <h3 id="map-countries-heading">Relations with France on the map</h3>
      <ul aria-labelledby="map-countries-heading">
        {shaded.map((s) => (
          <li key={s.code}>
            <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
            <Link href={`/dyads/${s.key}`}>{s.name}</Link>{" "}
            <IndexValue text={formatIndex(s.value)} />{" "}
            <span className={`badge ${BAND_CLASS[s.band] ?? ""}`}>{s.bandLabel}</span>
          </li>
        ))}
        {disputed.map((c) => (
          <li key={c.code}>
            <span className="swatch swatch-disputed" aria-hidden="true" />
            {c.name} <span className="badge badge-disputed">disputed territory</span>
            {c.statusNote && <p className="meta">{c.statusNote}</p>}
          </li>
        ))}
      </ul>
      {shaded.length === 0 && <p className="empty">No relation with France is tracked yet.</p>}
    </div>
  );
}
