"use client";
// A draft's preview: how publishing it would move each dyad's index today and on the record's own
// day, before → after, with the band on each side (server/drafts/preview.ts computes it).
import { useTranslations } from "next-intl";
import { ColumnHeads } from "../column-heads";
import { usePlaces } from "../use-places";
import { useFormat } from "../use-format";
import { formatIndex } from "../relations/format-index";

export interface DyadMovePreview {
  dyad: { key: string; label: string };
  moves: { date: string; before: number; after: number; bandBefore: string; bandAfter: string }[];
}

export function DraftPreview({ preview, recordType, title }: { preview: DyadMovePreview[]; recordType: string; title: string }) {
  const t = useTranslations("review.preview");
  const places = usePlaces();
  const format = useFormat();
  if (preview.length === 0) {
    return <p className="meta">{recordType === "Agreement" ? t("agreements") : t("invalid")}</p>;
  }
  const band = (name: string) => places.band(name, name.replaceAll("_", " "));
  return (
    <table className="table">
      <caption>{t("caption", { title })}</caption>
      <ColumnHeads columns={[t("columns.dyad"), t("columns.day"), t("columns.index"), t("columns.band")]} />
      <tbody>
        {preview.flatMap(({ dyad, moves }) =>
          moves.map((m, i) => (
            <tr key={`${dyad.key}-${m.date}`}>
              <td>{places.dyadOfKey(dyad.key, dyad.label)}</td>
              <td>{i === 0 ? t("today", { date: m.date }) : t("itsDay", { date: m.date })}</td>
              <td>
                {formatIndex(m.before, format)} → {formatIndex(m.after, format)}
              </td>
              <td>{m.bandBefore === m.bandAfter ? t("unchanged", { band: band(m.bandAfter) }) : `${band(m.bandBefore)} → ${band(m.bandAfter)}`}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
