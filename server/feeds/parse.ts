// Feed text to items. The parser is lenient by design (it reads a truncated or mismatched
// document as far as it can), which would let half a feed through: the text is checked to be
// well-formed XML first, so a broken feed is an error on that feed with the reason instead.
import { parseFeed } from "@rowanmanning/feed-parser";
import { createHash } from "node:crypto";
import { XMLValidator } from "fast-xml-parser";
import { FeedReadError } from "./errors";

export interface FeedItemDraft {
  /** guid / atom:id, else the link: what makes it the same item in the next poll. */
  key: string;
  title: string;
  link: string;
  summary: string | null;
  publishedAt: Date | null;
}

export interface ReadFeed {
  title: string | null;
  items: FeedItemDraft[];
}

const MAX_TITLE = 300;
const MAX_SUMMARY = 600;
const MAX_LINK = 2000;
const MAX_KEY = 500;

/** Text as a reader sees it: markup dropped, whitespace collapsed, nothing PostgreSQL refuses. */
export function plainText(html: string | null | undefined, max: number): string | null {
  if (!html) return null;
  const text = html
    .replace(/<[^>]*>/g, " ")
    // Control characters (NUL among them) and unpaired surrogates cannot be stored or shown.
    .replace(/\p{Cc}/gu, " ")
    .replace(/\p{Cs}/gu, "")
    .replace(/\s+/g, " ")
    // A dropped closing tag leaves a space before the full stop that followed it.
    .replace(/ ([.,])/g, "$1")
    .trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function httpLink(url: string | null): string | null {
  if (!url || url.length > MAX_LINK) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function itemKey(id: string | null, link: string): string {
  const key = plainText(id, Number.MAX_SAFE_INTEGER) ?? link;
  return key.length > MAX_KEY ? `sha256:${createHash("sha256").update(key).digest("hex")}` : key;
}

const validDate = (date: Date | null) => (date && !Number.isNaN(date.getTime()) ? date : null);

function refuseNonFeeds(text: string): void {
  const head = text.slice(0, 2000).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head === "") throw new FeedReadError("the answer was empty");
  // A login wall, a 404 page or a parked domain answer with HTML and a 200.
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/.test(head)) {
    throw new FeedReadError("the address answered an HTML page, not a feed");
  }
  // Feeds never declare entities; a document that does may expand them without bound.
  if (/<!entity/i.test(text)) throw new FeedReadError("the document declares its own XML entities, which a feed has no use for");
}

/** The feed's title and its items that have a title and an http(s) link; FeedReadError with the reason otherwise. */
export function readFeed(text: string): ReadFeed {
  refuseNonFeeds(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new FeedReadError(`invalid XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(text);
  } catch (error) {
    throw new FeedReadError("the document is XML but neither RSS nor Atom", { cause: error });
  }
  const items: FeedItemDraft[] = [];
  for (const item of feed.items) {
    const title = plainText(item.title, MAX_TITLE);
    const link = httpLink(item.url);
    if (!title || !link) continue;
    items.push({
      key: itemKey(item.id, link),
      title,
      link,
      summary: plainText(item.description ?? item.content, MAX_SUMMARY),
      publishedAt: validDate(item.published) ?? validDate(item.updated),
    });
  }
  return { title: plainText(feed.title, 200), items };
}
