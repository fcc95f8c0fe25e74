// The app's Atom writer (RFC 4287): the agreements feed and the personal alerts feed fill it in.
// Ids are tag URIs (RFC 4151) that never change with the host name, so feed readers neither lose
// nor repeat entries.
import { create } from "xmlbuilder2";

const ATOM_NS = "http://www.w3.org/2005/Atom";
/** The app's tag URI prefix: ids built on it are stable across hosts. */
export const ATOM_TAG = "tag:maghreb-monitor,2024:";

export interface AtomEntry {
  id: string;
  title: string;
  /** Absolute: a feed is read away from the app. */
  link: string;
  published: Date;
  updated: Date;
  summary?: string | null;
  content: string;
  categories?: readonly { term: string; label?: string; scheme: string }[];
}

export interface AtomFeed {
  id: string;
  /** The language of the feed's own words (xml:lang), when it has one. */
  lang?: string;
  title: string;
  subtitle: string;
  updated: Date;
  /** The feed's own address, without the reader's token: it is their secret, not part of the feed. */
  self: string;
  /** The page the feed mirrors. */
  alternate: string;
  entries: readonly AtomEntry[];
}

export function atomDocument(feed: AtomFeed): string {
  // Characters XML 1.0 forbids (control codes pasted from a PDF) are dropped, not escaped.
  const root = create({ version: "1.0", encoding: "utf-8", invalidCharReplacement: "" }).ele(ATOM_NS, "feed", feed.lang ? { "xml:lang": feed.lang } : {});
  root.ele("id").txt(feed.id);
  root.ele("title").txt(feed.title);
  root.ele("subtitle").txt(feed.subtitle);
  root.ele("updated").txt(feed.updated.toISOString());
  root.ele("link", { rel: "self", type: "application/atom+xml", href: feed.self });
  root.ele("link", { rel: "alternate", type: "text/html", href: feed.alternate });
  root.ele("author").ele("name").txt("Maghreb Monitor");
  root.ele("generator").txt("Maghreb Monitor");

  for (const e of feed.entries) {
    const entry = root.ele("entry");
    entry.ele("id").txt(e.id);
    entry.ele("title").txt(e.title);
    entry.ele("link", { rel: "alternate", type: "text/html", href: e.link });
    entry.ele("published").txt(e.published.toISOString());
    entry.ele("updated").txt(e.updated.toISOString());
    if (e.summary) entry.ele("summary", { type: "text" }).txt(e.summary);
    entry.ele("content", { type: "text" }).txt(e.content);
    for (const c of e.categories ?? []) entry.ele("category", { term: c.term, ...(c.label !== undefined && { label: c.label }), scheme: c.scheme });
  }
  return root.end({ prettyPrint: true });
}

/** The latest `updated` of the entries, or `now` for an empty feed. */
export const latestUpdate = (entries: readonly { updated: Date }[], now: Date) => entries.reduce<Date | null>((max, e) => (!max || e.updated > max ? e.updated : max), null) ?? now;
