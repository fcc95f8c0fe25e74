// The personal Atom feed of alerts, as its route answers it on a real PostgreSQL: a user's feed
// token lists that user's alerts (one rule's with ?rule=), never another's; a rule not theirs is
// not found; no token, an unknown or a revoked one is refused with the reason; French for a reader who chose it.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ALERT_DYAD, startAlertsWorld } from "@/test/fixtures/alerts";
import { createFeedToken, revokeFeedToken } from "../feed-tokens/service";
import { alertEntryId, alertsFeed } from "./atom";

const ORIGIN = "http://monitor.test";
const users = ["reader", "neighbour"].map((name) => ({ id: `u-feed-${name}`, name, email: `${name}@example.com`, role: "analyst" as const }));

describe("the Atom feed of alerts", async () => {
  const { db, dyadId, callers } = await startAlertsWorld(users);
  const [reader, neighbour] = callers;
  if (!reader || !neighbour) throw new Error("no callers");
  const band = await reader.alerts.createRule({ kind: "BAND_CHANGE", dyad: ALERT_DYAD });
  const moves = await reader.alerts.createRule({ kind: "MOVE", dyad: ALERT_DYAD, threshold: 10, days: 30 });
  const theirs = await neighbour.alerts.createRule({ kind: "BAND_CHANGE", dyad: ALERT_DYAD });
  let serial = 0;
  const alertOn = (rule: { id: string }, userId: string, cause: string) =>
    db.alert.create({ data: { ruleId: rule.id, userId, dyadId, cause, link: "/dyads/DZA-MAR", idempotencyKey: `feed-${++serial}` }, select: { id: true } });
  const [first, second, other] = [
    await alertOn(band, "u-feed-reader", "Band changed from mixed to tense."),
    await alertOn(moves, "u-feed-reader", "Index moved −12.0 points within 30 days."),
    await alertOn(theirs, "u-feed-neighbour", "The neighbour's alert."),
  ];
  const { token } = await createFeedToken({ db, userId: "u-feed-reader", name: "reader app" });
  const neighbours = await createFeedToken({ db, userId: "u-feed-neighbour", name: "their app" });

  const get = (query: string) => alertsFeed({ db, request: new Request(`${ORIGIN}/api/feeds/alerts.atom${query}`) });
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "link"].includes(name) });
  const entriesOf = async (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed as { entry?: { id: string; title: string; link: { "@_href": string }[] }[] };
    return feed.entry ?? [];
  };

  it("lists the token owner's alerts, newest first, each linking to its cause", async () => {
    const entries = await entriesOf(await get(`?token=${token}`));
    expect(entries.map((e) => e.id)).toEqual([alertEntryId(second.id), alertEntryId(first.id)]);
    expect(entries[1]).toMatchObject({ title: "DZA-MAR: Band changed from mixed to tense.", link: [{ "@_href": `${ORIGIN}/dyads/DZA-MAR` }] });
  });

  it("narrows to one rule of theirs; another's rule is not found", async () => {
    expect((await entriesOf(await get(`?token=${token}&rule=${band.id}`))).map((e) => e.id)).toEqual([alertEntryId(first.id)]);
    const foreign = await get(`?token=${token}&rule=${theirs.id}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("neighbour");
  });

  it("is written in the language the reader chose on their account; the recorded cause stays as recorded", async () => {
    await db.user.update({ where: { id: "u-feed-reader" }, data: { locale: "fr" } });
    const xml = await (await get(`?token=${token}&rule=${band.id}`)).text();
    expect(parser.parse(xml).feed).toMatchObject({ title: "Maghreb Monitor — alertes d'une règle", subtitle: "Vos alertes, les plus récentes d'abord, chacune avec un lien vers sa cause." });
    expect((await entriesOf(new Response(xml, { headers: { "content-type": "application/atom+xml" } })))[0]?.title).toBe("DZA-MAR : Band changed from mixed to tense.");
    await db.user.update({ where: { id: "u-feed-reader" }, data: { locale: null } });
  });

  it("says a cause kept as a key and its arguments in the reader's language, in Arabic too", async () => {
    const said = [{ kind: "band", from: "mixed", to: "tense", before: 3, after: -21 }];
    const kept = await db.alert.create({ data: { ruleId: band.id, userId: "u-feed-reader", dyadId, cause: "Band changed from mixed to tense (index 3.0 → -21.0).", said, link: "/dyads/DZA-MAR", idempotencyKey: `feed-${++serial}` }, select: { id: true } });
    const titleIn = async (locale: string | null) => {
      await db.user.update({ where: { id: "u-feed-reader" }, data: { locale } });
      return (await entriesOf(await get(`?token=${token}&rule=${band.id}`))).find((e) => e.id === alertEntryId(kept.id))?.title;
    };
    expect(await titleIn(null)).toBe("DZA-MAR: Band changed from mixed to tense (index 3.0 → -21.0).");
    expect(await titleIn("fr")).toMatch(/^DZA-MAR : Changement de bande : de « contrastées » à « tendues » \(indice 3,0 → .21,0\)\.$/);
    expect(await titleIn("ar")).toContain("تغيّرت الفئة من «علاقات متباينة» إلى «توتر»");
    await db.user.update({ where: { id: "u-feed-reader" }, data: { locale: null } });
  });

  it("another user's token reads that user's alerts only", async () => {
    expect((await entriesOf(await get(`?token=${neighbours.token}`))).map((e) => e.id)).toEqual([alertEntryId(other.id)]);
  });

  it("refuses no token, an unknown one and a revoked one, with the reason", async () => {
    const none = await get("");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await get("?token=mmf_notarealtoken")).status).toBe(401);
    expect(await revokeFeedToken({ db, userId: "u-feed-neighbour", tokenId: neighbours.id })).toBe(true);
    const revoked = await get(`?token=${neighbours.token}`);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).reason).toMatch(/revoked/);
  });
});
