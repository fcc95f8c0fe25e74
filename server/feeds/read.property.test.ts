// Fuzzing the decode-and-read step: whatever bytes a server sends, the only failure is a
// FeedReadError (recorded on the feed), and no item comes out without a title and an http(s) link.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFeedBytes } from "./decode";
import { FeedReadError } from "./errors";
import { readFeed } from "./parse";

function readOrReason(bytes: Uint8Array, contentType: string | null): void {
  let items: ReturnType<typeof readFeed>["items"] = [];
  try {
    items = readFeed(decodeFeedBytes(bytes, contentType)).items;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedReadError);
    return;
  }
  for (const item of items) {
    expect(item.title.trim()).not.toBe("");
    expect(item.key).not.toBe("");
    expect(["http:", "https:"]).toContain(new URL(item.link).protocol);
    expect(item.title).not.toMatch(/\u0000/);
  }
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

describe("decoding and reading arbitrary input", () => {
  it("fails only with a reason on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), contentTypes, (bytes, contentType) => readOrReason(bytes, contentType)),
      { numRuns: 400 },
    );
  });

  it("fails only with a reason, and keeps only complete items, on XML-ish text", () => {
    fc.assert(
      fc.property(fc.array(xmlPiece, { maxLength: 60 }), contentTypes, (pieces, contentType) => readOrReason(Buffer.from(pieces.join("")), contentType)),
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
        let read: ReturnType<typeof readFeed>;
        try {
          read = readFeed(xml);
        } catch (error) {
          // Generated titles may hold characters XML 1.0 forbids (controls): refused whole, with a reason.
          expect(error).toBeInstanceOf(FeedReadError);
          return;
        }
        const usable = items.filter((i) => i.link.startsWith("http") && /[^\s\u0000-\u001f\u007f]/.test(i.title.replace(/<[^>]*>/g, "")));
        expect(read.items.length).toBe(usable.length);
      }),
      { numRuns: 300 },
    );
  });
});
