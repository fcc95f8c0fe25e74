// Polling against real PostgreSQL and the local feed server (test/support/feed-server.ts): the
// hand-written fixture feeds in three languages and encodings, conditional GETs, and faults
// that stay on their own feed.
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { startFeedServer, type FixtureFeed } from "@/test/support/feed-server";
import { isSourceUnreachable } from "../ingest/unreachable";
import { pollNewsFeeds } from "./poll";

describe("polling news feeds", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const server = await startFeedServer();
  afterAll(() => server.close());
  const signal = new AbortController().signal;
  const poll = () => pollNewsFeeds({ signal, db });

  const register = (path: string, language: "fr" | "en" | "ar", countryCode: string) =>
    db.newsFeed.create({ data: { url: server.url(path), language, countryCode }, select: { id: true } });
  const fixtures: [FixtureFeed, "fr" | "en" | "ar", string][] = [
    ["le-quotidien.rss.xml", "fr", "FRA"],
    ["gazette-latin1.rss.xml", "fr", "FRA"],
    ["hebdo-cp1252.rss.xml", "fr", "FRA"],
    ["wire-bom.rss.xml", "en", "ESP"],
    ["akhbar.atom.xml", "ar", "DZA"],
  ];
  const feeds = new Map<string, string>();
  for (const [file, language, country] of fixtures) feeds.set(file, (await register(`/feeds/${file}`, language, country)).id);
  const headlinesOf = (file: string) =>
    db.headline.findMany({ where: { feedId: feeds.get(file) }, orderBy: { listedAt: "desc" }, select: { title: true, link: true, countryCodes: true, publishedAt: true, language: true, summary: true } });

  it("keeps the items that name a tracked country other than the outlet's own, in three languages", async () => {
    expect(await poll()).toEqual({ read: 16, kept: 8 });
    expect(await headlinesOf("le-quotidien.rss.xml")).toEqual([
      // No date: listed as first read, so before the dated ones.
      expect.objectContaining({ title: "Des délégations marocaines attendues au salon de l'agriculture", countryCodes: ["MAR"], publishedAt: null }),
      expect.objectContaining({ title: "Rabat et Paris signent un accord sur l'eau dessalée", countryCodes: ["FRA", "MAR"], language: "fr" }),
      expect.objectContaining({ title: "L’Algérie rappelle son ambassadeur pour consultations", countryCodes: ["DZA"] }),
    ]);
    expect((await headlinesOf("gazette-latin1.rss.xml")).map((h) => [h.title, h.countryCodes])).toEqual([
      ["Économie : l'Algérie et la France relancent le comité mixte", ["DZA", "FRA"]],
    ]);
    expect((await headlinesOf("wire-bom.rss.xml")).map((h) => h.countryCodes)).toEqual([["MAR"], ["DZA"]]);
    expect((await headlinesOf("akhbar.atom.xml")).map((h) => [h.title, h.countryCodes, h.language])).toEqual([
      ["وزير الخارجية يستقبل نظيره الفرنسي في الجزائر", ["DZA", "FRA"], "ar"],
      ["وفد تجاري يتوجه إلى المغرب الأسبوع المقبل", ["MAR"], "ar"],
    ]);
    expect(await headlinesOf("hebdo-cp1252.rss.xml")).toEqual([]);
  });

  it("stores each feed's title and validators, decoded right whatever the encoding", async () => {
    const stored = await db.newsFeed.findMany({ select: { url: true, title: true, etag: true, lastModified: true, lastError: true, lastPolledAt: true } });
    expect(stored.map((f) => f.title).sort()).toEqual(["Hebdo Méditerranée", "La Gazette du Détroit", "Le Quotidien de l'Exemple", "Maghreb Wire (example)", "أخبار المثال"]);
    for (const feed of stored) {
      expect(feed).toMatchObject({ etag: expect.stringMatching(/^"/), lastModified: "Thu, 12 Jun 2025 12:00:00 GMT", lastError: null });
      expect(feed.lastPolledAt).toBeInstanceOf(Date);
    }
  });

  it("sends the validators on the next poll, and a 304 adds nothing", async () => {
    const before = server.requests.length;
    expect(await poll()).toEqual({ read: 0, kept: 0 });
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(5);
    for (const request of sent) {
      expect(request.headers["if-none-match"]).toMatch(/^"/);
      expect(request.headers["if-modified-since"]).toBe("Thu, 12 Jun 2025 12:00:00 GMT");
    }
    expect(await db.headline.count()).toBe(8);
  });

  it("adds nothing when the same items are read again in full", async () => {
    await db.newsFeed.updateMany({ data: { etag: null, lastModified: null } });
    expect(await poll()).toEqual({ read: 16, kept: 0 });
    expect(await db.headline.count()).toBe(8);
  });

  it("adds only the new item when a feed gains one", async () => {
    const path = "/feeds/le-quotidien.rss.xml";
    const text = (await (await fetch(server.url(path))).text()).replace(
      "<item>",
      "<item><title>Nouvelle liaison aérienne entre Oran et Marseille, selon Alger</title><link>https://quotidien.example/2025/06/10/liaison</link><guid>qx-new</guid></item>\n    <item>",
    );
    server.set(path, text);
    expect(await poll()).toEqual({ read: 6, kept: 1 });
    expect(await db.headline.findFirst({ where: { itemKey: "qx-new" }, select: { countryCodes: true } })).toEqual({ countryCodes: ["DZA"] });
  });

  it("records each broken feed's reason on that feed only, writing nothing of it, while the others proceed", async () => {
    const faults = {
      "/fault/invalid-xml": /^invalid XML at line \d+/,
      "/fault/huge": /over the 2 MB a feed may be/,
      "/fault/html": /HTML page, not a feed/,
      "/fault/close": /^could not connect/,
      "/fault/http-503": /HTTP 503/,
      "/fault/redirect-internal": /^its redirect to http:\/\/169\.254\.169\.254\/latest\/meta-data\/ is refused: a feed needs a public address/,
    };
    const ids = new Map<string, string>();
    for (const path of Object.keys(faults)) ids.set(path, (await register(path, "fr", "FRA")).id);
    await db.newsFeed.updateMany({ where: { id: feeds.get("wire-bom.rss.xml") }, data: { etag: null, lastModified: null } });
    const headlinesBefore = await db.headline.count();

    expect(await poll()).toEqual({ read: 3, kept: 0 });
    for (const [path, reason] of Object.entries(faults)) {
      const feed = await db.newsFeed.findUniqueOrThrow({ where: { id: ids.get(path) }, select: { lastError: true, etag: true, lastPolledAt: true, _count: { select: { headlines: true } } } });
      expect(feed.lastError, path).toMatch(reason);
      expect(feed).toMatchObject({ etag: null, _count: { headlines: 0 } });
    }
    expect(await db.headline.count()).toBe(headlinesBefore);
    const wire = await db.newsFeed.findUniqueOrThrow({ where: { id: feeds.get("wire-bom.rss.xml") }, select: { lastError: true, etag: true } });
    expect(wire).toEqual({ lastError: null, etag: expect.stringMatching(/^"/) });
  });

  it("follows a feed that moved, checking the address it moved to", async () => {
    await db.newsFeed.updateMany({ data: { active: false } });
    const moved = await register("/moved/le-quotidien", "fr", "FRA");
    const before = server.requests.length;
    await poll();
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(["/moved/le-quotidien", "/feeds/le-quotidien.rss.xml"]);
    const feed = await db.newsFeed.findUniqueOrThrow({ where: { id: moved.id }, select: { lastError: true, title: true, lastPolledAt: true } });
    expect(feed).toMatchObject({ lastError: null, title: expect.any(String), lastPolledAt: expect.any(Date) });
  });

  it("fails the run as 'source unreachable' only when no feed could be connected to", async () => {
    await db.newsFeed.updateMany({ data: { active: false } });
    await register("/fault/close?again", "fr", "FRA");
    await register("/fault/close?once-more", "en", "MAR");

    const error = await poll().then(() => null, (e: unknown) => e);
    expect(isSourceUnreachable(error)).toBe(true);
    const active = await db.newsFeed.findMany({ where: { active: true }, select: { lastError: true } });
    expect(active).toHaveLength(2);
    for (const feed of active) expect(feed.lastError).toMatch(/^could not connect/);
  });

  it("polls nothing, and fails nothing, without active feeds", async () => {
    await db.newsFeed.updateMany({ data: { active: false } });
    expect(await poll()).toEqual({ read: 0, kept: 0 });
  });
});
