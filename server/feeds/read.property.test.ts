// Fuzzing the decode-and-read step: whatever bytes a server sends, the only failure is a
// FeedReadError (recorded on the feed), and no item comes out without a title and an http(s) link.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFeedBytes } from "./decode";
import { FeedReadError } from "./errors";
import { readFeed } from "./parse";

/** What is wrong with the outcome of reading these bytes: nothing, when it is items or a FeedReadError. */
function problemsOf(bytes: Uint8Array, contentType: string | null): string[] {
  let items: ReturnType<typeof readFeed>["items"];
  try {
    items = readFeed(decodeFeedBytes(bytes, contentType)).items;
  } catch (error) {
    return error instanceof FeedReadError ? [] : [`threw ${String(error)}`];
  }
  return items.flatMap((item) => {
    const problems: string[] = [];
    if (!item.title.trim() || !item.key) problems.push(`an item without a title or key: ${JSON.stringify(item)}`);
    if (!/^https?:$/.test(new URL(item.link).protocol)) problems.push(`a link that is not http(s): ${item.link}`);
    if (item.title.includes("\u0000")) problems.push("a NUL in a title");
    return problems;
  });
}

const contentTypes = fc.constantFrom(null, "application/rss+xml", "text/xml; charset=utf-8", "text/xml; charset=iso-8859-1", "application/xml; charset=bogus", "text/xml; charset=utf-16");

/** Pieces real feeds are made of, in any order and nesting: well-formed or not. */
const xmlPiece = fc.oneof(
  fc.constantFrom(
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<?xml version="1.0"?>',
    '<rss version="2.0">',
    "</rss>",
    "<channel>",
    "</channel>",
    "<item>",
    "</item>",
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "</feed>",
    "<entry>",
    "</entry>",
    "<title>",
    "</title>",
    "<link>",
    "</link>",
    '<link href="https://ex.example/a"/>',
    '<link href="javascript:alert(1)"/>',
    "<guid>",
    "</guid>",
    "<pubDate>",
    "</pubDate>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&lt;b&gt;",
    "&#0;",
    "&#x1F600;",
    "&nosuch;",
    "<!-- c -->",
    "https://ex.example/item",
    "ftp://ex.example/item",
    "Maroc",
    "الجزائر",
    "Tue, 10 Jun 2025 08:45:00 +0100",
    "not a date",
    "<!DOCTYPE rss>",
  ),
  fc.string({ maxLength: 12 }),
);

const isForbiddenInXml = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return (code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r") || code === 0xfffe || code === 0xffff;
};

function keptCount(xml: string): number | "refused" {
  try {
    return readFeed(xml).items.length;
  } catch (error) {
    if (error instanceof FeedReadError) return "refused";
    throw error;
  }
}

describe("decoding and reading arbitrary input", () => {
  it("fails only with a reason on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), contentTypes, (bytes, contentType) => {
        expect(problemsOf(bytes, contentType)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("fails only with a reason, and keeps only complete items, on XML-ish text", () => {
    fc.assert(
      fc.property(fc.array(xmlPiece, { maxLength: 60 }), contentTypes, (pieces, contentType) => {
        expect(problemsOf(Buffer.from(pieces.join("")), contentType)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it("keeps exactly the items of a well-formed RSS feed whose titles and links are usable", () => {
    const item = fc.record({ title: fc.string({ maxLength: 30 }), link: fc.constantFrom("https://ex.example/a", "http://ex.example/b?x=1&y=2", "mailto:x@ex.example", "") });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        const xml = `<rss version="2.0"><channel><title>t</title>${items
          .map((i) => `<item><title>${escape(i.title)}</title><link>${escape(i.link)}</link></item>`)
          .join("")}</channel></rss>`;
        // Generated titles may hold characters XML 1.0 forbids (controls): then the feed is refused whole.
        const forbidden = items.some((i) => [...i.title].some((ch) => isForbiddenInXml(ch)));
        const usable = items.filter((i) => i.link.startsWith("http") && i.title.replace(/<[^>]*>/g, "").trim() !== "");
        expect(keptCount(xml)).toBe(forbidden ? "refused" : usable.length);
      }),
      { numRuns: 300 },
    );
  });
});
