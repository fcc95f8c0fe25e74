import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_FEED_DIR } from "@/test/support/feed-server";
import { decodeFeedBytes } from "./decode";
import { FeedReadError } from "./errors";
import { plainText, readFeed } from "./parse";

const read = (name: string, contentType: string | null = null) => readFeed(decodeFeedBytes(readFileSync(path.join(FIXTURE_FEED_DIR, name)), contentType));

describe("reading RSS 2.0", () => {
  const feed = read("le-quotidien.rss.xml");

  it("takes the feed title and every item with a title and a link", () => {
    expect(feed.title).toBe("Le Quotidien de l'Exemple");
    expect(feed.items.map((i) => i.link)).toEqual([
      "https://quotidien.example/2025/06/09/accord-eau",
      "https://quotidien.example/2025/06/08/ambassadeur",
      "https://quotidien.example/2025/06/07/salon",
      "https://quotidien.example/2025/06/07/meteo",
      "https://quotidien.example/2025/06/06/forum-tunis",
    ]);
  });

  it("reads CDATA and entity-encoded HTML as plain text", () => {
    const [accord, ambassadeur] = feed.items;
    expect(accord?.title).toBe("Rabat et Paris signent un accord sur l'eau dessalée");
    expect(accord?.summary).toBe("Les deux ministres ont présenté un programme commun de stations.");
    expect(ambassadeur?.title).toBe("L’Algérie rappelle son ambassadeur pour consultations");
    expect(ambassadeur?.summary).toBe("Une décision annoncée tôt dimanche par le ministère à Alger.");
  });

  it("reads RFC 822 dates with their offsets, and no date as null", () => {
    expect(feed.items[0]?.publishedAt?.toISOString()).toBe("2025-06-09T14:05:00.000Z");
    expect(feed.items[1]?.publishedAt?.toISOString()).toBe("2025-06-08T09:00:00.000Z");
    expect(feed.items[2]?.publishedAt).toBeNull();
  });

  it("keys an item by its guid, else by its link", () => {
    expect(feed.items[0]?.key).toBe("qx-2025-0609-001");
    expect(feed.items[2]?.key).toBe("https://quotidien.example/2025/06/07/salon");
  });
});

describe("reading Atom 1.0", () => {
  const feed = read("akhbar.atom.xml", "application/atom+xml");

  it("reads Arabic titles, html summaries, and published or else updated dates", () => {
    expect(feed.title).toBe("أخبار المثال");
    expect(feed.items[0]).toMatchObject({
      key: "tag:akhbar.example,2025:entry-301",
      title: "وزير الخارجية يستقبل نظيره الفرنسي في الجزائر",
      link: "https://akhbar.example/2025/06/12/wazir",
      summary: "محادثات حول التعاون الاقتصادي.",
    });
    expect(feed.items[0]?.publishedAt?.toISOString()).toBe("2025-06-12T08:15:00.000Z");
    expect(feed.items[1]?.publishedAt?.toISOString()).toBe("2025-06-11T16:00:00.000Z");
    expect(feed.items).toHaveLength(4);
  });
});

describe("refusing what is not a feed", () => {
  const reason = (text: string) => {
    try {
      readFeed(text);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(FeedReadError);
      return (error as FeedReadError).reason;
    }
  };

  it("says why", () => {
    expect(reason("")).toMatch(/empty/);
    expect(reason("<!DOCTYPE html><html><body>502</body></html>")).toMatch(/HTML page/);
    expect(reason('<?xml version="1.0"?>\n<html><body>Not found</body></html>')).toMatch(/HTML page/);
    expect(reason('<rss version="2.0"><channel><item><title>cut</ti')).toMatch(/invalid XML at line 1/);
    expect(reason("<rss><channel><item><title>a</b></item></channel></rss>")).toMatch(/invalid XML/);
    expect(reason("<note><to>nobody</to></note>")).toMatch(/neither RSS nor Atom/);
    expect(reason('<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss>&b;</rss>')).toMatch(/entities/);
  });
});

describe("plain text", () => {
  it("drops tags, control characters and unpaired surrogates, and shortens", () => {
    expect(plainText("<b>Maroc</b>\u0000 \ud800et\n\tAlgérie", 100)).toBe("Maroc et Algérie");
    expect(plainText("   ", 10)).toBeNull();
    expect(plainText("abcdefghijkl", 5)).toBe("abcd…");
  });
});
