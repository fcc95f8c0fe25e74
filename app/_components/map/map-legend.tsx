// What the map's colours, lines and markers mean.
import { bandLegend } from "./choropleth";

export function MapLegend() {
  return (
    <div className="map-legend">
      <ul aria-label="Legend: relations index bands">
        {bandLegend().map((b) => (
          <li key={b.band}>
            <span className="swatch" style={{ background: b.colour }} aria-hidden="true" /> {b.label} <span className="meta">({b.range})</span>
          </li>
        ))}
        <li>
          <span className="swatch swatch-disputed" aria-hidden="true" /> disputed territory
        </li>
      </ul>
      <p className="meta">
        Arcs: Paris to each partner&apos;s capital, coloured by its band, thicker with more events in the date range. Dots: events
        (green cooperation, red conflict), grouped where they overlap; an event with no known place stands at a capital.
      </p>
    </div>
  );
}
