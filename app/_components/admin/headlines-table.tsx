// News-feed headlines as admins go through them: on /admin/feeds (every status, paged) and in
// the review queue (the newest new ones). "Make event" opens the event form prefilled.
import { humanize } from "@/app/_components/format";
import { Link } from "@/app/_components/link";
import type { HeadlineRow } from "@/server/feeds/service";
import { ColumnHeads } from "../column-heads";
import { DismissButton } from "./feeds";

export const feedName = (f: { title: string | null; url: string }) => f.title ?? new URL(f.url).host;

export const when = (date: Date | null) =>
  date ? <time dateTime={date.toISOString()}>{date.toISOString().slice(0, 16).replace("T", " ")} UTC</time> : <span className="meta">no date</span>;

export function HeadlinesTable({ headlines, caption = "Headlines, newest first" }: { headlines: readonly HeadlineRow[]; caption?: string }) {
  return (
    <table className="panel table">
      <caption className="visually-hidden">{caption}</caption>
      <ColumnHeads columns={["Headline", "Feed", "Names", "Published", "Status", "Actions"]} />
      <tbody>
        {headlines.map((h) => (
          <tr key={h.id}>
            <td lang={h.language} dir="auto">
              <a href={h.link} rel="noopener noreferrer nofollow" target="_blank">
                {h.title}
              </a>
              {h.summary && <p className="meta">{h.summary}</p>}
            </td>
            <td>{feedName(h.feed)}</td>
            <td>{h.countryCodes.join(", ")}</td>
            <td>{when(h.publishedAt)}</td>
            <td>{h.status === "USED" && h.eventId ? <Link href={`/events/${h.eventId}`}>Used: open the event</Link> : humanize(h.status)}</td>
            <td className="actions">
              {h.status !== "USED" && (
                <>
                  <Link href={`/admin/events/new?headline=${h.id}`}>
                    Make event<span className="visually-hidden"> from {h.title}</span>
                  </Link>{" "}
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
