// Several app instances on one database, each with its own in-memory sectors list and dyads, and
// its own change listener (as `npm start -- --instances 2`, or two machines, run them): a write
// through one instance is announced on commit, and neither instance serves the old list afterwards.
import { afterAll, describe, expect, it } from "vitest";
import { createAgreement, eventInputFixture } from "@/prisma/seed/factories";
import { useAuthTestDatabase } from "@/scripts/test/auth";
import { agreementFixture } from "@/test/fixtures/agreement";
import { feedAnswersWith } from "../agreements/answers";
import { agreementSectors, listAgreements, sectorsCacheWith } from "../agreements/service";
import { agreementInput } from "../agreements/write-schemas";
import { eventsForMap } from "../events/service";
import { fromDay, toDay } from "../method/day";
import { indexAnswersWith } from "../relations/answers";
import { ensureRollupsCurrent } from "../relations/rollup";
import { dyadDrivers, dyadsByKey, dyadsCacheWith, dyadSummaries, seriesWithMarkers } from "../relations/service";
import { listenForChanges, type Change } from "./change-feed";
import { nextNotice, sleep, within } from "@/scripts/test/notices";

describe("two instances' caches on one database", async () => {
  const t = await useAuthTestDatabase({ seed: true });
  const admin = await t.callerAs("admin@example.com");
  const instances = ["A", "B"].map((name) => {
    const feed = listenForChanges({ databaseUrl: t.url, log: () => undefined });
    return { name, feed, cache: sectorsCacheWith(() => feed), dyads: dyadsCacheWith(() => feed), answers: indexAnswersWith(() => feed), drivers: indexAnswersWith(() => feed, { refreshAhead: false }), pages: feedAnswersWith(() => feed) };
  });
  afterAll(() => Promise.all(instances.map((i) => i.feed.close())));
  await Promise.all(instances.map((i) => i.feed.ready()));
  const sectorsOn = (instance: (typeof instances)[number]) => agreementSectors({ db: t.db, cache: instance.cache });
  /** A write, once every instance has heard of it: the notice leaves on commit and arrives moments later. */
  async function announced<T>(write: () => Promise<T>, topic: Change = "sectors"): Promise<T> {
    const heard = Promise.all(instances.map((i) => nextNotice(i.feed, topic)));
    const result = await write();
    await within(heard, 2_000, "the notice on both listeners");
    return result;
  }

  it("drop the sectors list on both instances when one records an agreement with a new sector", async () => {
    for (const instance of instances) expect(await sectorsOn(instance)).not.toContain("zz-first-new-sector");
    await announced(() => admin.agreements.create(agreementInput.parse({ ...agreementFixture, sectors: ["zz-first-new-sector"] })));
    for (const instance of instances) expect(await sectorsOn(instance), instance.name).toContain("zz-first-new-sector");
  });

  it("drop it when an agreement is archived, its sector leaving the list", async () => {
    const made = await announced(() => admin.agreements.create(agreementInput.parse({ ...agreementFixture, sectors: ["zz-archived-sector"] })));
    for (const instance of instances) expect(await sectorsOn(instance)).toContain("zz-archived-sector");
    await announced(() => admin.agreements.archive(made));
    for (const instance of instances) expect(await sectorsOn(instance), instance.name).not.toContain("zz-archived-sector");
  });

  it("serve the dyads from memory, and the new ones on both instances once a country is renamed or a dyad recorded", async () => {
    const names = async (instance: (typeof instances)[number]) => (await dyadsByKey(t.db, undefined, instance.dyads)).map((d) => `${d.a.name} – ${d.b.name}`);
    for (const instance of instances) expect(await names(instance)).toContain("France – Morocco");
    // A rename the listeners cannot hear (triggers off for this transaction): both still answer from memory.
    await t.db.$transaction([t.db.$executeRaw`SET LOCAL session_replication_role = replica`, t.db.$executeRaw`UPDATE "Country" SET name = 'Morocco (unheard)' WHERE code = 'MAR'`]);
    for (const instance of instances) expect(await names(instance), instance.name).toContain("France – Morocco");
    await announced(() => t.db.country.update({ where: { code: "MAR" }, data: { name: "Kingdom of Morocco" } }), "dyads");
    for (const instance of instances) expect(await names(instance), instance.name).toContain("France – Kingdom of Morocco");
    await announced(() => t.db.country.update({ where: { code: "MAR" }, data: { name: "Morocco" } }), "dyads");

    await expect(dyadsByKey(t.db, ["ESP-FRA"], instances[0]?.dyads)).rejects.toThrow(/ESP-FRA/);
    await announced(async () => {
      await t.db.country.upsert({ where: { code: "ESP" }, create: { code: "ESP", name: "Spain" }, update: {} });
      await t.db.dyad.create({ data: { key: "ESP-FRA", countryA: "ESP", countryB: "FRA", tracked: false } });
    }, "dyads");
    for (const instance of instances) expect((await dyadsByKey(t.db, ["ESP-FRA"], instance.dyads)).map((d) => d.key), instance.name).toEqual(["ESP-FRA"]);
  });

  it("share the index's answers from memory, and the new ones on both instances once an event is published", async () => {
    const now = toDay(new Date());
    const lastEventOn = async (instance: (typeof instances)[number]) => (await dyadSummaries({ db: t.db, now, keys: ["FRA-MAR"] }, instance.answers))[0]?.lastEvent?.title;
    const mapOn = async (instance: (typeof instances)[number]) => (await eventsForMap({ db: t.db, from: now - 365, to: now, limit: 1_000 }, instance.answers)).total;
    const todayOn = async (instance: (typeof instances)[number]) => (await seriesWithMarkers({ db: t.db, now, keys: ["FRA-MAR"], from: now - 30, to: now, granularity: "daily", markers: true }, instance.answers)).dyads[0]?.points.at(-1)?.index;
    // The day's first read extends the rollup to today, a write announced like any other: done first.
    await ensureRollupsCurrent({ db: t.db, today: now });
    await sleep(300);
    const before = await Promise.all(instances.map(async (i) => ({ title: await lastEventOn(i), mapped: await mapOn(i), index: await todayOn(i) })));
    expect(before[0]?.title).toBeDefined();
    expect(before[1]).toEqual(before[0]);
    // A change the listeners cannot hear (triggers off for this transaction): both answer from memory.
    await t.db.$transaction([t.db.$executeRaw`SET LOCAL session_replication_role = replica`, t.db.$executeRaw`UPDATE "DyadDay" SET index = index + 50 WHERE day = ${fromDay(now)}::date`]);
    for (const [n, instance] of instances.entries()) expect(await todayOn(instance), instance.name).toBe(before[n]?.index);

    await announced(() => admin.events.create(eventInputFixture({ title: "Paris and Rabat sign a water accord", cameoCode: "057", overrideKey: undefined, dyad: "FRA-MAR", actor: "FRA", target: "MAR" })), "index");
    for (const [n, instance] of instances.entries()) {
      expect(await lastEventOn(instance), instance.name).toBe("Paris and Rabat sign a water accord");
      expect(await mapOn(instance), instance.name).toBe((before[n]?.mapped ?? 0) + 1);
      expect(await todayOn(instance), instance.name).not.toBe(before[n]?.index);
    }
  });

  it("read the index's answers again as soon as an event is published, before anyone asks", async () => {
    const [a] = instances;
    if (!a) throw new Error("no instance");
    const now = toDay(new Date());
    const lastEventOn = async () => (await dyadSummaries({ db: t.db, now, keys: ["FRA-MAR"] }, a.answers))[0]?.lastEvent;
    await lastEventOn(); // asked for: worth reading again after the next write
    const made = await announced(() => admin.events.create(eventInputFixture({ title: "Rabat and Paris reopen a consulate", cameoCode: "057", overrideKey: undefined, dyad: "FRA-MAR", actor: "FRA", target: "MAR" })), "index");
    await a.answers.settled();
    // Renamed unheard (triggers off): an answer read from now on would carry the new title.
    await t.db.$transaction([t.db.$executeRaw`SET LOCAL session_replication_role = replica`, t.db.$executeRaw`UPDATE "Event" SET title = 'Renamed unheard' WHERE id = ${made.id}`]);
    expect(await lastEventOn()).toMatchObject({ id: made.id, title: "Rabat and Paris reopen a consulate" });
    await announced(() => t.db.event.update({ where: { id: made.id }, data: { title: "Rabat and Paris reopen a consulate in Agadir" } }), "index");
    expect((await lastEventOn())?.title).toBe("Rabat and Paris reopen a consulate in Agadir");
  });

  it("keep a dyad's drivers, and the new ones on both instances once a condition is retitled, which moves no number", async () => {
    const now = toDay(new Date());
    const inForce = async (instance: (typeof instances)[number], key: string) => (await dyadDrivers({ db: t.db, now, key }, instance.drivers)).conditionsInForce;
    const dyads = await dyadsByKey(t.db, undefined);
    const found = (await Promise.all(dyads.map(async (d) => ({ key: d.key, condition: (await inForce(instances[0]!, d.key))[0] })))).find((d) => d.condition);
    if (!found?.condition) throw new Error("the seed has no condition in force");
    const { key, condition } = found;
    const titlesOn = async (instance: (typeof instances)[number]) => (await inForce(instance, key)).map((c) => c.title);
    for (const instance of instances) expect(await titlesOn(instance), instance.name).toContain(condition.title);
    // Retitled unheard (triggers off): both answer from memory.
    await t.db.$transaction([t.db.$executeRaw`SET LOCAL session_replication_role = replica`, t.db.$executeRaw`UPDATE "Condition" SET title = 'Retitled unheard' WHERE id = ${condition.id}`]);
    for (const instance of instances) expect(await titlesOn(instance), instance.name).toContain(condition.title);
    await announced(() => t.db.condition.update({ where: { id: condition.id }, data: { title: `${condition.title} (retitled)` } }), "index");
    for (const instance of instances) expect(await titlesOn(instance), instance.name).toContain(`${condition.title} (retitled)`);
    await announced(() => t.db.condition.update({ where: { id: condition.id }, data: { title: condition.title } }), "index");
  });

  it("keep the feed's pages, and the new ones on both instances once an agreement, a party or its source is written; not for an event's source", async () => {
    const made = await announced(() => admin.agreements.create(agreementInput.parse({ ...agreementFixture, title: "Desalination plant at Dakhla", sectors: ["water"] })), "agreements");
    const titleOn = async (instance: (typeof instances)[number]) =>
      (await listAgreements({ db: t.db, filters: { q: "desalination" }, after: null, limit: 20 }, instance.pages)).items.find((a) => a.id === made.id)?.title;
    for (const instance of instances) expect(await titleOn(instance), instance.name).toBe("Desalination plant at Dakhla");
    // One answer for every caller, its cursor included: serialized and compressed once (server/http/compressed-once.ts).
    const firstPage = () => listAgreements({ db: t.db, filters: {}, after: null, limit: 2 }, instances[0]?.pages);
    const page = await firstPage();
    expect(await firstPage()).toBe(page);
    expect(page.nextCursor).toEqual(expect.any(String));
    /** Renamed with triggers off: no notice; an instance shows it only once something else drops its pages. */
    const renameUnheard = (title: string) =>
      t.db.$transaction([t.db.$executeRaw`SET LOCAL session_replication_role = replica`, t.db.$executeRaw`UPDATE "Agreement" SET title = ${title} WHERE id = ${made.id}`]);

    await renameUnheard("Desalination plant, renamed unheard");
    for (const instance of instances) expect(await titleOn(instance), instance.name).toBe("Desalination plant at Dakhla");
    // An event and its source: topic "index" only, the pages stay.
    await announced(() => admin.events.create(eventInputFixture({ title: "Paris and Rabat discuss desalination", cameoCode: "040", overrideKey: undefined, dyad: "FRA-MAR", actor: "FRA", target: "MAR" })), "index");
    for (const instance of instances) expect(await titleOn(instance), instance.name).toBe("Desalination plant at Dakhla");

    await announced(() => t.db.source.create({ data: { agreementId: made.id, publisher: "Example Wire", title: "Plant financed", url: "https://example.org/plant" } }), "agreements");
    for (const instance of instances) expect(await titleOn(instance), instance.name).toBe("Desalination plant, renamed unheard");

    await renameUnheard("Desalination plant, renamed unheard again");
    await announced(() => t.db.agreementParty.updateMany({ where: { agreementId: made.id, name: "ONCF" }, data: { name: "ONEE" } }), "agreements");
    for (const instance of instances) expect(await titleOn(instance), instance.name).toBe("Desalination plant, renamed unheard again");

    await announced(() => admin.agreements.archive(made), "agreements");
    for (const instance of instances) expect(await titleOn(instance), instance.name).toBeUndefined();
  });

  it("hear nothing from a write that rolled back", async () => {
    const [a] = instances;
    if (!a) throw new Error("no instance");
    let notices = 0;
    const stop = a.feed.onChange(() => notices++);
    await t.db
      .$transaction(async (tx) => {
        await tx.agreement.create({ data: { title: "Rolled back", kind: "MOU", status: "ANTICIPATED", sectors: ["zz-rolled-back"] } });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await sleep(300);
    stop();
    expect(notices).toBe(0);
    expect(await sectorsOn(a)).not.toContain("zz-rolled-back");
  });

  it("read through while a listener's connection is down, then listen and cache again", async () => {
    const [, b] = instances;
    if (!b) throw new Error("no instance");
    await sectorsOn(b);
    await t.db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`;
    for (let i = 0; i < 50 && b.feed.listening; i++) await sleep(20);
    expect(b.feed.listening).toBe(false);
    // Written while B cannot hear: B must not answer from what it held before.
    await createAgreement(t.db, { title: "Written while B was deaf", sectors: ["zz-while-deaf"] });
    expect(await sectorsOn(b)).toContain("zz-while-deaf");
    await within(b.feed.ready(), 5_000, "listening again");
    const heard = nextNotice(b.feed, "sectors");
    await createAgreement(t.db, { title: "Written once B hears again", sectors: ["zz-after-reconnect"] });
    await within(heard, 2_000, "the notice after reconnecting");
    expect(await sectorsOn(b)).toContain("zz-after-reconnect");
  });
});
