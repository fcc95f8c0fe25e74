// The admin side of news feeds through the API as pages call it (createCaller): registering
// with field messages, pausing and removing, the headlines list, "Make event", keyword lists;
// analysts refused; each change in the audit log.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { eventInputFixture } from "@/prisma/seed/factories";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { fieldMessagesOf } from "../shared/errors";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { registerFeed } from "./service";

const TEST_ADMIN = { id: "u-feeds-admin", name: "Feeds Admin", email: "feeds-admin@example.com", role: "admin" } as const;

async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: Record<string, string[]> | null }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, fields: fieldMessagesOf(error.cause) };
}

describe("news feeds for admins", async () => {
  const { db } = await useTestDatabase({ seed: true });
  await db.user.create({ data: TEST_ADMIN });
  const admin = createCaller(createContextInner({ db, user: TEST_ADMIN }));
  const analyst = createCaller(createContextInner({ db, user: TEST_READER }));
  const auditOf = (entityType: string, entityId: string) =>
    db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });

  it("registers a feed, with messages on the fields it refuses", async () => {
    const feed = await admin.feeds.create({ url: " https://quotidien.example/rss.xml ", language: "fr", country: "fra" });
    expect(feed).toMatchObject({ url: "https://quotidien.example/rss.xml", language: "fr", countryCode: "FRA", active: true, lastPolledAt: null });
    expect(await auditOf("NewsFeed", feed.id)).toEqual([
      { action: "CREATE", actorId: TEST_ADMIN.id, before: null, after: { url: "https://quotidien.example/rss.xml", language: "fr", country: "FRA" } },
    ]);

    expect(await refusal(admin.feeds.create({ url: "https://quotidien.example/rss.xml", language: "fr", country: "FRA" }))).toEqual({
      code: "CONFLICT",
      fields: { url: ["This feed is already registered."] },
    });
    const bad = await refusal(admin.feeds.create({ url: "ftp://files.example/feed.xml", language: "fr", country: "FRA" }));
    expect(bad).toEqual({ code: "BAD_REQUEST", fields: { url: ["a feed address starts with http:// or https://"] } });
    expect((await refusal(admin.feeds.create({ url: "javascript:alert(1)", language: "fr", country: "FRA" }))).fields).toHaveProperty("url");
    expect((await refusal(admin.feeds.create({ url: "https://x.example/", language: "fr", country: "ZZZ" }))).fields).toEqual({ country: ["no country ZZZ is recorded"] });
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/rss", "http://localhost:5432/"]) {
      expect(await refusal(admin.feeds.create({ url, language: "fr", country: "FRA" })), url).toEqual({
        code: "BAD_REQUEST",
        fields: { url: ["a feed needs a public address: private, loopback and link-local ones are refused"] },
      });
    }
    // 127.0.0.1 is for the loopback stand-ins: refused in production unless ALLOW_LOOPBACK_TARGETS=1.
    const local = { url: "http://127.0.0.1:8080/rss.xml", language: "fr", country: "FRA" } as const;
    const refused = await registerFeed({ db, actorId: TEST_ADMIN.id, input: local, allowLoopback: false }).catch((e: unknown) => e);
    expect(fieldMessagesOf(refused)).toEqual({ url: ["a feed needs a public address: private, loopback and link-local ones are refused"] });
    const urls = (await admin.feeds.list()).map((f) => f.url);
    expect(urls).not.toContain("http://127.0.0.1:8080/rss.xml");
    expect(urls.filter((url) => url === "https://quotidien.example/rss.xml")).toHaveLength(1);
    expect(urls).not.toContain("https://x.example/");
  });

  it("refuses analysts everything, writing nothing", async () => {
    const auditBefore = await db.auditLog.count();
    expect((await refusal(analyst.feeds.list())).code).toBe("FORBIDDEN");
    expect((await refusal(analyst.feeds.create({ url: "https://a.example/feed", language: "en", country: "MAR" }))).code).toBe("FORBIDDEN");
    expect((await refusal(analyst.feeds.saveKeywords({ country: "MAR", fr: ["Maroc"], en: [], ar: [] }))).code).toBe("FORBIDDEN");
    expect(await db.newsFeed.count({ where: { url: "https://a.example/feed" } })).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("pauses, resumes and removes a feed, each in the audit log", async () => {
    const feed = await admin.feeds.create({ url: "https://wire.example/feed.xml", language: "en", country: "MAR" });
    expect((await admin.feeds.setActive({ id: feed.id, active: false })).active).toBe(false);
    expect((await admin.feeds.setActive({ id: feed.id, active: true })).active).toBe(true);
    expect(await admin.feeds.delete({ id: feed.id })).toEqual({ deleted: true });
    expect((await refusal(admin.feeds.delete({ id: feed.id }))).code).toBe("NOT_FOUND");
    expect((await auditOf("NewsFeed", feed.id)).map((e) => [e.action, e.after])).toEqual([
      ["CREATE", expect.anything()],
      ["UPDATE", { active: false }],
      ["UPDATE", { active: true }],
      ["DELETE", null],
    ]);
  });

  describe("headlines", async () => {
    const feed = await db.newsFeed.create({ data: { url: "https://akhbar.example/feed.atom", title: "Akhbar", language: "ar", countryCode: "DZA" }, select: { id: true } });
    const other = await db.newsFeed.create({ data: { url: "https://other.example/rss", language: "fr", countryCode: "FRA" }, select: { id: true } });
    const headline = (feedId: string, n: number, countryCodes: string[], publishedAt: Date | null) =>
      db.headline.create({
        data: { feedId, itemKey: `item-${n}`, title: `Headline number ${n}`, link: `https://news.example/${n}`, publishedAt, listedAt: publishedAt ?? new Date(), language: "fr", countryCodes },
        select: { id: true },
      });
    const h1 = await headline(feed.id, 1, ["DZA", "FRA"], new Date("2025-06-12T08:15:00Z"));
    const h2 = await headline(feed.id, 2, ["MAR"], new Date("2025-06-11T16:00:00Z"));
    const h3 = await headline(other.id, 3, ["MAR"], new Date("2025-06-13T10:00:00Z"));

    it("lists them newest first, filtered by feed, country and status", async () => {
      const all = await admin.feeds.headlines({});
      expect(all.items.map((h) => h.id)).toEqual([h3.id, h1.id, h2.id]);
      expect(all).toMatchObject({ total: 3, page: 1, pages: 1 });
      expect((await admin.feeds.headlines({ feedId: feed.id })).items.map((h) => h.id)).toEqual([h1.id, h2.id]);
      expect((await admin.feeds.headlines({ country: "MAR" })).items.map((h) => h.id)).toEqual([h3.id, h2.id]);
      expect((await admin.feeds.headlines({ page: 2 })).items).toEqual([]);
      expect((await admin.feeds.list()).find((f) => f.id === feed.id)?.newHeadlines).toBe(2);
    });

    it("dismisses one, audited, and not twice", async () => {
      expect(await admin.feeds.dismiss({ id: h3.id })).toEqual({ status: "DISMISSED", eventId: null });
      expect((await refusal(admin.feeds.dismiss({ id: h3.id }))).code).toBe("CONFLICT");
      expect((await admin.feeds.headlines({ status: "NEW" })).items.map((h) => h.id)).toEqual([h1.id, h2.id]);
      expect(await auditOf("Headline", h3.id)).toEqual([{ action: "UPDATE", actorId: TEST_ADMIN.id, before: { status: "NEW", eventId: null }, after: { status: "DISMISSED", eventId: null } }]);
    });

    it("prefills the event form with the headline's title, day, dyad and source", async () => {
      const draft = await admin.feeds.eventDraft({ id: h1.id });
      expect(draft.values).toEqual({
        title: "Headline number 1",
        date: "2025-06-12",
        dyad: "DZA-FRA",
        actor: "DZA",
        target: "FRA",
        sources: [{ publisher: "Akhbar", title: "Headline number 1", url: "https://news.example/1", publishedOn: "2025-06-12" }],
      });
      // No feed title yet: the feed's host names the publisher. A dyad is proposed only when the item names both.
      const undated = await headline(other.id, 4, ["MAR"], null);
      const plain = await admin.feeds.eventDraft({ id: undated.id });
      expect(plain.values.sources[0]?.publisher).toBe("other.example");
      expect(plain.values).toMatchObject({ dyad: "FRA-MAR", date: new Date().toISOString().slice(0, 10) });
    });

    it("saves the event through the record pipeline and marks the headline used by it, once", async () => {
      const draft = await admin.feeds.eventDraft({ id: h1.id });
      const data = eventInputFixture({ ...draft.values, cameoCode: "036", overrideKey: undefined, dyad: "DZA-FRA" });
      const saved = await admin.feeds.createEvent({ headlineId: h1.id, data });
      const event = await db.event.findUniqueOrThrow({ where: { id: saved.id }, select: { title: true, provenance: true, externalId: true, sources: { select: { publisher: true, url: true } } } });
      expect(event).toEqual({ title: "Headline number 1", provenance: "FEED", externalId: `headline:${h1.id}`, sources: [{ publisher: "Akhbar", url: "https://news.example/1" }] });
      expect(await db.headline.findUniqueOrThrow({ where: { id: h1.id }, select: { status: true, eventId: true } })).toEqual({ status: "USED", eventId: saved.id });
      expect((await auditOf("Event", saved.id)).map((e) => e.action)).toEqual(["CREATE"]);
      expect((await auditOf("Headline", h1.id)).map((e) => e.after)).toEqual([{ status: "USED", eventId: saved.id }]);

      const again = await refusal(admin.feeds.createEvent({ headlineId: h1.id, data }));
      expect(again.code).toBe("CONFLICT");
      expect(await db.event.count({ where: { externalId: `headline:${h1.id}` } })).toBe(1);
    });

    it("finishes a save that stopped between the event and the headline, without a second event", async () => {
      const data = eventInputFixture({ title: "Half-saved", dyad: "FRA-MAR", actor: "MAR", target: "FRA", cameoCode: "036", overrideKey: undefined });
      const first = await admin.feeds.createEvent({ headlineId: h2.id, data });
      await db.headline.update({ where: { id: h2.id }, data: { status: "NEW", eventId: null } });
      const second = await admin.feeds.createEvent({ headlineId: h2.id, data });
      expect(second.id).toBe(first.id);
      expect(await db.headline.findUniqueOrThrow({ where: { id: h2.id }, select: { eventId: true } })).toEqual({ eventId: first.id });
    });

    it("puts the form's refusals on their fields, leaving the headline new", async () => {
      const fresh = await headline(feed.id, 5, ["MAR"], null);
      const future = eventInputFixture({ date: "2999-01-01", cameoCode: "036", overrideKey: undefined });
      expect(await refusal(admin.feeds.createEvent({ headlineId: fresh.id, data: future }))).toMatchObject({ code: "BAD_REQUEST", fields: { date: [expect.stringMatching(/future/)] } });
      expect((await refusal(admin.feeds.createEvent({ headlineId: "no-such-headline", data: future }))).code).toBe("NOT_FOUND");
      expect(await db.headline.findUniqueOrThrow({ where: { id: fresh.id }, select: { status: true } })).toEqual({ status: "NEW" });
    });
  });

  it("edits a tracked country's keyword lists, starting from the defaults, audited", async () => {
    const lists = await admin.feeds.keywords();
    expect(lists.map((l) => l.code)).toEqual(["DZA", "FRA", "MAR"]);
    expect(lists.find((l) => l.code === "MAR")).toMatchObject({ edited: false, fr: expect.arrayContaining(["Maroc"]), ar: expect.arrayContaining(["المغرب"]) });

    await admin.feeds.saveKeywords({ country: "MAR", fr: ["Maroc", "chérifien*", "Maroc"], en: ["Morocco"], ar: ["المغرب"] });
    expect((await admin.feeds.keywords()).find((l) => l.code === "MAR")).toMatchObject({ edited: true, fr: ["Maroc", "chérifien*"] });
    const [entry] = await auditOf("CountryKeywords", "MAR");
    expect(entry).toMatchObject({ action: "UPDATE", before: { edited: false }, after: { fr: ["Maroc", "chérifien*"], en: ["Morocco"], ar: ["المغرب"] } });

    expect((await refusal(admin.feeds.saveKeywords({ country: "TUN", fr: [], en: [], ar: [] }))).fields).toEqual({ country: ["TUN is not a country of a tracked dyad"] });
    expect((await refusal(admin.feeds.saveKeywords({ country: "MAR", fr: ["ma*roc"], en: [], ar: [] }))).fields).toEqual({ "fr.0": ["a * may only end a keyword"] });
  });
});
