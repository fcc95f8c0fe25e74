// News-feed headlines as admins go through them: on /admin/feeds (every status, paged) and in
// the review queue (the newest new ones). "Make event" opens the event form prefilled.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { getFormat } from "@/app/_components/server-format";
import type { HeadlineRow } from "@/server/feeds/service";
import type { Formatters } from "@/server/i18n/format";
import { ColumnHeads } from "../column-heads";
import { DismissButton } from "./feeds";

export const feedName = (f: { title: string | null; url: string }) => f.title ?? new URL(f.url).host;

/** A moment to the minute, in the reader's language and UTC. */
export const when = (format: Formatters, date: Date) => <time dateTime={date.toISOString()}>{format.moment(date)}</time>;

const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;

export async function HeadlinesTable({ headlines, caption }: { headlines: readonly HeadlineRow[]; caption?: string }) {
  const [t, format] = await Promise.all([getTranslations("adminPages.headlines"), getFormat()]);
  return (
    <table className="panel table">
      <caption className="visually-hidden">{caption ?? t("caption")}</caption>
      <ColumnHeads columns={[t("columns.headline"), t("columns.feed"), t("columns.names"), t("columns.published"), t("columns.status"), t("columns.actions")]} />
      <tbody>
        {headlines.map((h) => (
          <tr key={h.id}>
            <td lang={h.language} dir="auto">
              <a href={h.link} rel="noopener noreferrer nofollow" target="_blank">
                {h.title}
              </a>
              {h.summary && <p className="meta">{h.summary}</p>}
            </td>
            <td dir="auto">{feedName(h.feed)}</td>
            <td dir="ltr">{h.countryCodes.join(", ")}</td>
            <td>{h.publishedAt ? when(format, h.publishedAt) : <span className="meta">{t("noDate")}</span>}</td>
            <td>{h.status !== "USED" || !h.eventId ? t(`statuses.${h.status}`) : <Link href={`/events/${h.eventId}`}>{t("usedOpen")}</Link>}</td>
            <td className="actions">
              {h.status !== "USED" && (
                <>
                  <Link href={`/admin/events/new?headline=${h.id}`}>{t.rich("makeEvent", { title: h.title, hidden })}</Link>{" "}
                </>
              )}
              {h.status === "NEW" && <DismissButton headline={{ id: h.id, title: h.title }} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
