// The drafts queue's filters: a GET form, so a filtered queue is an address to share. The page
// reads it leniently with the schema the procedure takes (server/drafts/queue-schemas.ts); the
// clusters' filters ride along as hidden fields so one form does not clear the other's.
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Link } from "@/app/_components/link";
import { DRAFT_QUEUE_KINDS, DRAFT_QUEUE_ORDERS, narrowsDrafts, SYSTEM_AUTHOR, type draftQueueAddress } from "@/server/drafts/queue-schemas";

interface Props {
  address: z.output<typeof draftQueueAddress>;
  dyads: { key: string; label: string }[];
  authors: { authors: { id: string; name: string }[]; system: boolean; sources: string[] };
  /** The other filters of the page, kept as they are. */
  keep: [string, string][];
}

/** A GET form's dyad field: every tracked dyad, or all of them. */
export function DyadChoice({ name, label, all, value, dyads }: { name: string; label: string; all: string; value: string | undefined; dyads: { key: string; label: string }[] }) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {dyads.map((d) => (
          <option key={d.key} value={d.key}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DraftFilters({ address, dyads, authors, keep }: Props) {
  const t = useTranslations("review.filters");
  const filtered = narrowsDrafts(address) || address.order !== undefined;
  const clear = new URLSearchParams(keep);
  return (
    <form method="get" action="/admin/review#drafts" className="filter-bar" aria-label={t("label")}>
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        <span>{t("kind")}</span>
        <select name="kind" defaultValue={address.kind ?? ""}>
          <option value="">{t("allKinds")}</option>
          {DRAFT_QUEUE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <DyadChoice name="draftDyad" label={t("dyad")} all={t("allDyads")} value={address.draftDyad} dyads={dyads} />
      <label>
        <span>{t("author")}</span>
        <select name="author" defaultValue={address.author ?? ""}>
          <option value="">{t("everyone")}</option>
          {authors.system && <option value={SYSTEM_AUTHOR}>{t("system")}</option>}
          {authors.authors.map((a) => (
            <option key={a.id} value={a.id} dir="auto">
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {(authors.sources.length > 0 || address.source) && (
        <label>
          <span>{t("source")}</span>
          <select name="source" defaultValue={address.source ?? ""}>
            <option value="">{t("allSources")}</option>
            {/* A batch named in the address but decided since stays choosable, so the form says what is filtered. */}
            {[...new Set([...(address.source ? [address.source] : []), ...authors.sources])].map((s) => (
              <option key={s} value={s} dir="auto">
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{t("minEffect")}</span>
        <input name="minEffect" inputMode="decimal" size={5} defaultValue={address.minEffect ?? ""} />
      </label>
      <label>
        <span>{t("order")}</span>
        <select name="order" defaultValue={address.order ?? "waiting"}>
          {DRAFT_QUEUE_ORDERS.map((order) => (
            <option key={order} value={order}>
              {t(`orders.${order}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t("apply")}</button>{" "}
      {filtered && <Link href={`/admin/review${clear.size ? `?${clear.toString()}` : ""}#drafts`}>{t("clear")}</Link>}
    </form>
  );
}
