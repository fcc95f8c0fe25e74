// A draft's preview: how publishing it would move each dyad's index today and on the record's own
// day, before → after, with the band on each side (server/drafts/preview.ts computes it).
import { ColumnHeads } from "../column-heads";
import { formatIndex } from "../relations/format-index";

export interface DyadMovePreview {
  dyad: { key: string; label: string };
  moves: { date: string; before: number; after: number; bandBefore: string; bandAfter: string }[];
}

const band = (name: string) => name.replaceAll("_", " ");

export function DraftPreview({ preview, recordType, title }: { preview: DyadMovePreview[]; recordType: string; title: string }) {
  if (preview.length === 0) {
    return <p className="meta">{recordType === "Agreement" ? "Agreements do not weigh on the index." : "No preview: the values no longer pass the form's checks."}</p>;
  }
  return (
    <table className="table">
      <caption>If &ldquo;{title}&rdquo; were published: the index before → after</caption>
      <ColumnHeads columns={["Dyad", "Day", "Index", "Band"]} />
      <tbody>
        {preview.flatMap(({ dyad, moves }) =>
          moves.map((m, i) => (
            <tr key={`${dyad.key}-${m.date}`}>
              <td>{dyad.label}</td>
              <td>
                {i === 0 ? "today, " : "its day, "}
                {m.date}
              </td>
              <td>
                {formatIndex(m.before)} → {formatIndex(m.after)}
              </td>
              <td>{m.bandBefore === m.bandAfter ? `${band(m.bandAfter)} (unchanged)` : `${band(m.bandBefore)} → ${band(m.bandAfter)}`}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
