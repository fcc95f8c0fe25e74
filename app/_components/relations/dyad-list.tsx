// The tracked dyads: the cards that the relations index fills in.
import type { DatePrecision } from "@/server/relations/params";
import { formatDate } from "../format";

interface DyadSummary {
  key: string;
  a: { code: string; name: string; status: string };
  b: { code: string; name: string; status: string };
  eventCount: number;
  lastEvent: { date: Date; datePrecision: DatePrecision } | null;
}

/** France first, then the other party: analysts read "France – Morocco", not "Morocco – France". */
export function dyadTitle({ a, b }: Pick<DyadSummary, "a" | "b">): string {
  const [first, second] = b.code === "FRA" ? [b, a] : [a, b];
  return `${first.name} – ${second.name}`;
}

export function DyadList({ dyads }: { dyads: DyadSummary[] }) {
  if (dyads.length === 0) {
    return <p className="empty">No dyad is tracked yet. An admin can add one; run `npm run db:seed` for the demo set.</p>;
  }
  return (
    <ul className="card-list" aria-label="Tracked dyads">
      {dyads.map((dyad) => (
        <li key={dyad.key} className="card">
          <h3>{dyadTitle(dyad)}</h3>
          <p className="meta">
            {dyad.eventCount} {dyad.eventCount === 1 ? "event" : "events"} recorded
            {dyad.lastEvent ? ` · latest ${formatDate(dyad.lastEvent.date, dyad.lastEvent.datePrecision)}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
