// The review of GDELT clusters against a real PostgreSQL: Accept publishes one event through the
// record pipeline and moves the index, Reject needs a reason and keeps the cluster out of the
// queue, a second decision is a conflict, the filters and pages, who may call what, and the
// per-dyad auto-accept rule.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createCandidateCluster, type ClusterSpec } from "@/prisma/seed/candidate-factories";
import { useTestDatabase } from "@/scripts/test/database";
import { fromDay, toDay } from "../method/day";
import { appRouter, createCaller } from "../root";
import { createContextInner } from "../trpc";
import { autoAcceptPending } from "./auto-accept";
import { acceptCluster } from "./decide";

const today = toDay(new Date());
const daysAgo = (n: number) => fromDay(today - n);

/** Three outlets reporting Algeria criticising Morocco (CAMEO 111, G −2), one of them twice. */
const criticism = (day: string, overrides: Partial<ClusterSpec> = {}): ClusterSpec => ({
  dyad: "DZA-MAR",
  day,
  actor: "DZA",
  target: "MAR",
  reports: [
    { cameoCode: "111", sourceUrl: "https://www.lemonde.example/a", numMentions: 9, place: { name: "Algiers", lat: 36.75, lon: 3.06 } },
    { cameoCode: "111", sourceUrl: "https://lemonde.example/b", numMentions: 2 },
    { cameoCode: "111", sourceUrl: "https://hespress.example/c", numMentions: 5 },
    { cameoCode: "112", sourceUrl: "https://tsa.example/d", numMentions: 1 },
  ],
  ...overrides,
});

/** A single outlet's report of a strong move: a military blockade (CAMEO 191, G −9.5). */
const blockade = (day: string, overrides: Partial<ClusterSpec> = {}): ClusterSpec => ({
  dyad: "DZA-MAR",
  day,
  actor: "MAR",
  target: "DZA",
  reports: [{ cameoCode: "191", sourceUrl: "https://one.example/x" }],
  ...overrides,
});

describe("GDELT review", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const user = async (name: string, role: "admin" | "analyst") => {
    const u = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/ /g, ".")}@example.com`, role }, select: { id: true, name: true, email: true, role: true } });
    return createCaller(createContextInner({ db, user: u }));
  };
  const admin = await user("Rita Reviewer", "admin");
  const second = await user("Sami Second", "admin");
  const analyst = await user("Ana Analyst", "analyst");
  const cluster = (spec: ClusterSpec) => createCandidateCluster(db, spec);
  const queueIds = async (filters: Parameters<typeof admin.review.queue>[0] = {}) => (await admin.review.queue(filters)).items.map((i) => i.id);
  const dzaMar = async () => (await admin.relations.summary({ dyads: ["DZA-MAR"] }))[0]?.value ?? NaN;
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof TRPCError ? e : Promise.reject(e)));

  it("Accept publishes exactly one GDELT event through the pipeline, moves the index and settles the cluster", async () => {
    const { id } = await cluster(criticism(daysAgo(2)));
    const row = (await admin.review.queue({ dyad: "DZA-MAR" })).items.find((i) => i.id === id);
    expect(row).toMatchObject({ reports: 4, sources: 3, cameo: { code: "111", label: "111 criticize or denounce" }, actor: { name: "Algeria" }, target: { name: "Morocco" } });
    expect(row?.score).toBeCloseTo(-2 * 0.6 * 0.7, 9);
    expect(row?.links).toHaveLength(3);
    expect(row?.links[0]?.url).toBe("https://www.lemonde.example/a");

    const before = await dzaMar();
    const eventsBefore = await db.event.count();
    const { eventId } = await admin.review.accept({ clusterId: id });
    expect(await db.event.count()).toBe(eventsBefore + 1);
    expect(await dzaMar()).toBeLessThan(before);

    const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { sources: true } });
    expect(event).toMatchObject({
      provenance: "GDELT",
      title: "Algeria towards Morocco: criticize or denounce",
      cameoCode: "111",
      level: "MINISTER",
      verification: "REPORTED",
      actorCode: "DZA",
      targetCode: "MAR",
      placeName: "Algiers",
      archivedAt: null,
    });
    expect(event.date.toISOString().slice(0, 10)).toBe(daysAgo(2));
    expect(event.sources.map((s) => s.url).sort()).toEqual(["https://hespress.example/c", "https://lemonde.example/b", "https://tsa.example/d", "https://www.lemonde.example/a"]);

    const settled = await db.candidateCluster.findUniqueOrThrow({ where: { id }, select: { status: true, eventId: true, reviewedBy: { select: { name: true } }, reviewedAt: true, automated: true } });
    expect(settled).toMatchObject({ status: "ACCEPTED", eventId, reviewedBy: { name: "Rita Reviewer" }, automated: false });
    expect(settled.reviewedAt).toBeInstanceOf(Date);
    expect(await queueIds()).not.toContain(id);

    const trail = await db.auditLog.findMany({ where: { entityId: { in: [id, eventId] } }, select: { entityType: true, action: true, after: true } });
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entityType: "Event", action: "CREATE" }),
        expect.objectContaining({ entityType: "CandidateCluster", action: "UPDATE", after: { status: "ACCEPTED", eventId, automated: false } }),
      ]),
    );

    const page = await analyst.events.byId({ id: eventId });
    expect(page.gdelt).toMatchObject({ automated: false, reports: 4, sources: 3 });
    expect(page.gdelt?.globalEventIds).toHaveLength(4);
  });

  it("caps the sources written onto the event; the other reports stay as evidence", async () => {
    const reports = Array.from({ length: 8 }, (_, i) => ({ cameoCode: "036", sourceUrl: `https://outlet-${i}.example/meeting`, numMentions: 10 - i }));
    const { id } = await cluster({ dyad: "DZA-FRA", day: daysAgo(3), actor: "FRA", target: "DZA", reports });
    const { eventId } = await admin.review.accept({ clusterId: id });
    const sources = await db.source.findMany({ where: { eventId }, select: { url: true } });
    expect(sources.map((s) => s.url).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `https://outlet-${i}.example/meeting`));
    expect(await db.candidateReport.count({ where: { clusterId: id } })).toBe(8);
  });

  it("Reject needs a reason on its field; with one the cluster leaves the queue for good", async () => {
    const { id } = await cluster(blockade(daysAgo(4)));
    const empty = await refusal(admin.review.reject({ clusterId: id, reason: "   " }));
    expect(empty?.code).toBe("BAD_REQUEST");
    expect(empty?.message).toMatch(/say why this cluster is rejected/);
    expect(await queueIds()).toContain(id);

    await admin.review.reject({ clusterId: id, reason: "A naval exercise misread as a blockade" });
    expect(await queueIds()).not.toContain(id);
    expect(await db.candidateCluster.findUniqueOrThrow({ where: { id }, select: { status: true, rejectReason: true, eventId: true } })).toEqual({
      status: "REJECTED",
      rejectReason: "A naval exercise misread as a blockade",
      eventId: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "CandidateCluster", entityId: id } });
    expect(audit.after).toEqual({ status: "REJECTED", rejectReason: "A naval exercise misread as a blockade" });
  });

  it("a cluster someone else decided is a conflict that names them, never a 500 nor a second event", async () => {
    const { id } = await cluster(criticism(daysAgo(5)));
    await second.review.reject({ clusterId: id, reason: "Duplicate of a recorded event" });
    const accepted = await refusal(admin.review.accept({ clusterId: id }));
    expect(accepted?.code).toBe("CONFLICT");
    expect(accepted?.message).toMatch(/already rejected by Sami Second/);
    expect((await refusal(admin.review.reject({ clusterId: id, reason: "again" })))?.code).toBe("CONFLICT");

    // Two reviewers at once: one event, one conflict.
    const race = await cluster(criticism(daysAgo(6)));
    const eventsBefore = await db.event.count();
    const results = await Promise.allSettled([admin.review.accept({ clusterId: race.id }), second.review.accept({ clusterId: race.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect(failed?.status === "rejected" && failed.reason instanceof TRPCError ? failed.reason.code : failed).toBe("CONFLICT");
    expect(await db.event.count()).toBe(eventsBefore + 1);

    expect((await refusal(admin.review.accept({ clusterId: "no-such-cluster" })))?.code).toBe("NOT_FOUND");
  });

  it("edit then accept saves the form's values as the event that settles the cluster", async () => {
    const { id } = await cluster(criticism(daysAgo(7)));
    const { values } = await admin.review.draft({ clusterId: id });
    expect(values).toMatchObject({ dyad: "DZA-MAR", cameoCode: "111", date: daysAgo(7), verification: "REPORTED" });

    const moved = await refusal(admin.review.acceptEdited({ clusterId: id, data: { ...values, dyad: "DZA-FRA", actor: "DZA", target: "FRA" } }));
    expect(moved?.code).toBe("BAD_REQUEST");
    expect(await db.candidateCluster.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PENDING" });

    const { eventId } = await admin.review.acceptEdited({ clusterId: id, data: { ...values, title: "Algiers denounces Rabat's statement", verification: "CONFIRMED" } });
    expect(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, verification: true, provenance: true } })).toEqual({
      title: "Algiers denounces Rabat's statement",
      verification: "CONFIRMED",
      provenance: "GDELT",
    });
    expect((await db.candidateCluster.findUniqueOrThrow({ where: { id }, select: { eventId: true } })).eventId).toBe(eventId);
    expect((await refusal(admin.review.draft({ clusterId: id })))?.code).toBe("CONFLICT");
  });

  it("filters by dyad, least |score| and least sources, newest first, page by page", async () => {
    const base = Date.now() - 3_600_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const weak = await cluster(criticism(daysAgo(20), { lastSeenAt: at(1) }));
    const strong = await cluster(blockade(daysAgo(20), { lastSeenAt: at(2) }));
    const france = await cluster({ dyad: "FRA-MAR", day: daysAgo(20), actor: "FRA", target: "MAR", reports: [{ cameoCode: "057", sourceUrl: "https://a.example/1" }, { cameoCode: "057", sourceUrl: "http://b.example/2" }], lastSeenAt: at(3) });
    const mine = new Set([weak.id, strong.id, france.id]);
    const only = (ids: string[]) => ids.filter((i) => mine.has(i));

    expect(only(await queueIds())).toEqual([france.id, strong.id, weak.id]);
    expect(only(await queueIds({ dyad: "MAR-DZA" }))).toEqual([strong.id, weak.id]);
    // |s|: blockade 9.5 × 0.42 = 3.99, agreement 8 × 0.42 = 3.36, criticism 0.84.
    expect(only(await queueIds({ minScore: 3.36 }))).toEqual([france.id, strong.id]);
    expect(only(await queueIds({ minScore: 3.99 }))).toEqual([strong.id]);
    expect(only(await queueIds({ minSources: 2 }))).toEqual([france.id, weak.id]);
    expect(only(await queueIds({ minSources: 3 }))).toEqual([weak.id]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.review.queue({ limit: 1, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(only(seen)).toEqual([france.id, strong.id, weak.id]);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await refusal(admin.review.queue({ cursor: "not-a-cursor" })))?.code).toBe("BAD_REQUEST");
    for (const id of mine) await admin.review.reject({ clusterId: id, reason: "test data" });
  });

  it("refuses analysts every review procedure with 403, and changes nothing", async () => {
    const { id } = await cluster(criticism(daysAgo(8)));
    const calls = [
      () => analyst.review.queue({}),
      () => analyst.review.draft({ clusterId: id }),
      () => analyst.review.accept({ clusterId: id }),
      () => analyst.review.acceptEdited({ clusterId: id, data: { title: "x" } as never }),
      () => analyst.review.reject({ clusterId: id, reason: "no" }),
      () => analyst.review.rules(),
      () => analyst.review.setRule({ dyad: "DZA-MAR", enabled: true, minSources: 1, minGoldstein: 0 }),
    ];
    expect(calls).toHaveLength(Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("review.")).length);
    for (const call of calls) expect((await refusal(call()))?.code).toBe("FORBIDDEN");
    expect(await db.candidateCluster.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await db.autoAcceptRule.count()).toBe(0);
    await admin.review.reject({ clusterId: id, reason: "test data" });
  });

  it("auto-accept is off by default and, when on, publishes only the clusters its dyad's rule matches, marked automated", async () => {
    const strongWide = await cluster(blockade(daysAgo(10), { reports: ["a", "b", "c"].map((h) => ({ cameoCode: "191", sourceUrl: `https://${h}.example/x` })) }));
    const strongNarrow = await cluster(blockade(daysAgo(11)));
    const weakWide = await cluster(criticism(daysAgo(10)));
    const otherDyad = await cluster({ dyad: "DZA-FRA", day: daysAgo(10), actor: "DZA", target: "FRA", reports: ["a", "b", "c"].map((h) => ({ cameoCode: "191", sourceUrl: `https://${h}.example/y` })) });

    expect(await autoAcceptPending({ db, today })).toEqual({ accepted: 0, leftForReview: 0 });
    expect((await admin.review.rules()).find((r) => r.dyad === "DZA-MAR")).toMatchObject({ enabled: false, version: undefined });

    const saved = await admin.review.setRule({ dyad: "MAR-DZA", enabled: false, minSources: 3, minGoldstein: 5 });
    expect(await autoAcceptPending({ db, today })).toEqual({ accepted: 0, leftForReview: 0 });
    const stale = await refusal(admin.review.setRule({ dyad: "DZA-MAR", enabled: true, minSources: 3, minGoldstein: 5 }));
    expect(stale?.code).toBe("CONFLICT");
    await admin.review.setRule({ dyad: "DZA-MAR", enabled: true, minSources: 3, minGoldstein: 5, version: saved.version });

    const before = await dzaMar();
    expect(await autoAcceptPending({ db, today })).toEqual({ accepted: 1, leftForReview: 0 });
    expect(await dzaMar()).toBeLessThan(before);
    const statuses = await db.candidateCluster.findMany({ where: { id: { in: [strongWide.id, strongNarrow.id, weakWide.id, otherDyad.id] } }, select: { id: true, status: true, automated: true, eventId: true } });
    const of = (id: string) => statuses.find((s) => s.id === id);
    expect(of(strongWide.id)).toMatchObject({ status: "ACCEPTED", automated: true });
    for (const id of [strongNarrow.id, weakWide.id, otherDyad.id]) expect(of(id)).toMatchObject({ status: "PENDING", automated: false });

    const eventId = of(strongWide.id)?.eventId ?? "";
    expect(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { provenance: true } })).toEqual({ provenance: "GDELT" });
    expect((await analyst.events.byId({ id: eventId })).gdelt?.automated).toBe(true);
    const drivers = await analyst.relations.drivers({ dyad: "DZA-MAR" });
    expect(drivers.negative.find((d) => d.id === eventId)?.event.automated).toBe(true);
    expect(drivers.negative.filter((d) => d.id !== eventId).every((d) => !d.event.automated)).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: "AutoAcceptRule", entityId: "DZA-MAR" } })).toBe(2);

    // Run again: nothing left to publish.
    expect(await autoAcceptPending({ db, today })).toEqual({ accepted: 0, leftForReview: 0 });
  });

  it("a cluster the pipeline refuses (a day in the future) stays pending, its event undone with it", async () => {
    const { id } = await cluster(criticism(fromDay(today + 3)));
    const eventsBefore = await db.event.count();
    await expect(acceptCluster({ db, clusterId: id, reviewerId: null, today })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.event.count()).toBe(eventsBefore);
    expect(await db.candidateCluster.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PENDING" });
  });
});
