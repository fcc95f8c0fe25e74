// The drafts queue at volume, against a real PostgreSQL: filters (kind, dyad, author, batch, least
// effect), the orders, the admin menu's count, and bulk decisions: each draft decided on its own
// with its audit entry, the author's own drafts and stale versions refused with their reasons.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { eventInputFixture } from "@/prisma/seed/factories";
import { useTestDatabase } from "@/scripts/test/database";
import { agreementFixture } from "@/test/fixtures/agreement";
import { fromDay, toDay } from "../method/day";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";

const today = toDay(new Date());
const daysAgo = (n: number) => fromDay(today - n);

describe("the drafts queue", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const user = async (name: string, headers?: Headers) => {
    const u = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/ /g, ".")}@example.com`, role: "admin" }, select: { id: true, name: true, email: true, role: true } });
    return { id: u.id, api: createCaller(createContextInner({ db, user: u, reviewRequired: true, headers })) };
  };
  const amal = await user("Amal Author");
  const bilal = await user("Bilal Second");
  const rami = await user("Rami Reviewer", new Headers({ cookie: "NEXT_LOCALE=fr" }));
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof TRPCError ? e : Promise.reject(e)));
  const trail = (draftId: string) => db.auditLog.findMany({ where: { entityType: "Draft", entityId: draftId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, after: true } });
  /** An event draft; cameo 190 (use of force) weighs much more than 051 (praise). */
  const event = (title: string, dyad: string, cameoCode: string, actor: string, target: string) =>
    eventInputFixture({ title, dyad, actor, target, cameoCode, overrideKey: undefined, date: daysAgo(3) });

  const small = await amal.api.drafts.save({ type: "Event", data: event("Queue: praise", "FRA-DZA", "051", "FRA", "DZA") });
  const large = await amal.api.drafts.save({ type: "Event", data: event("Queue: a clash", "FRA-DZA", "190", "DZA", "FRA") });
  const elsewhere = await bilal.api.drafts.save({ type: "Event", data: event("Queue: Moroccan clash", "FRA-MAR", "190", "MAR", "FRA") });
  const condition = await bilal.api.drafts.save({
    type: "Condition",
    data: { dyad: "FRA-DZA", kind: "VISA_REGIME", title: "Queue: visas", startDate: daysAgo(30), startPrecision: "DAY", verification: "REPORTED", sources: [] },
  });
  const agreement = await bilal.api.drafts.save({ type: "Agreement", data: { ...agreementFixture, title: "Queue: an accord" } as never });
  const titles = async (filters: Parameters<typeof rami.api.drafts.open>[0]) => (await rami.api.drafts.open(filters)).map((d) => d.title);

  it("filters by kind, dyad and author, and keeps only drafts that move the index at least as much as asked", async () => {
    expect(await titles({ kind: "condition" })).toEqual(["Queue: visas"]);
    expect(await titles({ kind: "agreement" })).toEqual(["Queue: an accord"]);
    // An agreement's optional dyad counts too (the fixture's is France – Morocco).
    expect(await titles({ dyad: "FRA-MAR" })).toEqual(["Queue: Moroccan clash", "Queue: an accord"]);
    // The key is read as the schema reads it, in either order.
    expect(await titles({ dyad: "DZA-FRA", kind: "event" })).toEqual(["Queue: praise", "Queue: a clash"]);
    expect(await titles({ author: amal.id })).toEqual(["Queue: praise", "Queue: a clash"]);
    expect(await titles({ author: "system" })).toEqual([]);

    const all = await rami.api.drafts.open();
    const effect = (title: string) => all.find((d) => d.title === title)?.effect ?? NaN;
    expect(effect("Queue: an accord")).toBe(0);
    expect(effect("Queue: a clash")).toBeGreaterThan(effect("Queue: praise"));
    // The effect is the largest |after − before| of the draft's own preview.
    const clash = all.find((d) => d.title === "Queue: a clash");
    const moves = clash?.preview.flatMap((p) => p.moves.map((m) => Math.abs(m.after - m.before))) ?? [];
    expect(effect("Queue: a clash")).toBe(Math.max(...moves));
    const threshold = (effect("Queue: a clash") + effect("Queue: praise")) / 2;
    expect(await titles({ dyad: "FRA-DZA", minEffect: threshold })).toEqual(["Queue: a clash"]);
    expect(await titles({ minEffect: effect("Queue: a clash") })).toEqual(expect.arrayContaining(["Queue: a clash"]));
  });

  it("orders oldest first by default, newest first, or largest effect first", async () => {
    const oldest = await titles({});
    expect(oldest).toEqual(["Queue: praise", "Queue: a clash", "Queue: Moroccan clash", "Queue: visas", "Queue: an accord"]);
    expect(await titles({ order: "newest" })).toEqual([...oldest].reverse());
    const byEffect = await rami.api.drafts.open({ order: "effect" });
    const effects = byEffect.map((d) => d.effect);
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
    expect(byEffect.at(-1)?.title).toBe("Queue: an accord");
  });

  it("refuses filters it cannot read, on their fields", async () => {
    expect((await refusal(rami.api.drafts.open({ minEffect: -1 })))?.code).toBe("BAD_REQUEST");
    expect((await refusal(rami.api.drafts.open({ kind: "treaty" as never })))?.code).toBe("BAD_REQUEST");
  });

  it("counts the pending drafts each admin may decide, never their own", async () => {
    expect(await rami.api.drafts.awaiting()).toBe(5);
    expect(await amal.api.drafts.awaiting()).toBe(3);
    expect(await bilal.api.drafts.awaiting()).toBe(2);
    expect(await rami.api.drafts.authors()).toEqual({
      authors: [
        { id: amal.id, name: "Amal Author" },
        { id: bilal.id, name: "Bilal Second" },
      ],
      system: false,
      sources: [],
    });
  });

  it("filters by the batch drafts came in, and lists the open batches for the filter", async () => {
    // The import and Make event paths write the label (server/drafts/submit.ts); the filter reads it.
    const label = "import: spring visits.csv (2 rows)";
    await db.draft.updateMany({ where: { id: { in: [small.id, condition.id] } }, data: { source: label } });
    try {
      expect(await titles({ source: label })).toEqual(["Queue: praise", "Queue: visas"]);
      expect(await titles({ source: "import: another.csv (1 row)" })).toEqual([]);
      expect((await rami.api.drafts.authors()).sources).toEqual([label]);
      expect((await refusal(rami.api.drafts.open({ source: "x".repeat(501) })))?.code).toBe("BAD_REQUEST");
    } finally {
      await db.draft.updateMany({ where: { id: { in: [small.id, condition.id] } }, data: { source: null } });
    }
  });

  it("publishes many: each draft in its own transaction and audit entry; the author's own and a stale one are refused with their reasons", async () => {
    const outcome = await amal.api.drafts.publishMany({ drafts: [small, elsewhere, { ...condition, version: condition.version + 1 }] });
    expect(outcome.decided).toEqual([{ id: elsewhere.id, title: "Queue: Moroccan clash" }]);
    expect(outcome.refused).toEqual([
      { id: small.id, title: "Queue: praise", reason: "You wrote this draft: another admin must publish or return it." },
      { id: condition.id, title: "Queue: visas", reason: expect.stringMatching(/changed since you opened it/) },
    ]);
    expect(await db.draft.findUniqueOrThrow({ where: { id: small.id }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await db.draft.findUniqueOrThrow({ where: { id: condition.id }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect((await trail(elsewhere.id)).map((e) => [e.action, e.actorId])).toEqual([
      ["DRAFT", bilal.id],
      ["PUBLISH", amal.id],
    ]);
    expect(await db.event.count({ where: { title: "Queue: Moroccan clash" } })).toBe(1);
    expect((await trail(small.id)).map((e) => e.action)).toEqual(["DRAFT"]);
    expect(await amal.api.drafts.awaiting()).toBe(2);
  });

  it("returns many with one comment, and says each refusal in the reader's language", async () => {
    const outcome = await rami.api.drafts.returnMany({ drafts: [condition, agreement, elsewhere], comment: "Add a second source." });
    expect(outcome.decided.map((d) => d.id)).toEqual([condition.id, agreement.id]);
    expect(outcome.refused).toEqual([{ id: elsewhere.id, title: "Queue: Moroccan clash", reason: expect.stringMatching(/^Ce brouillon a déjà été publié par Amal Author/) }]);
    for (const id of [condition.id, agreement.id]) {
      expect(await db.draft.findUniqueOrThrow({ where: { id }, select: { status: true, comment: true, reviewerId: true } })).toEqual({ status: "RETURNED", comment: "Add a second source.", reviewerId: rami.id });
      expect((await trail(id)).map((e) => [e.action, e.actorId])).toEqual([
        ["DRAFT", bilal.id],
        ["RETURN", rami.id],
      ]);
    }
    expect((await refusal(rami.api.drafts.returnMany({ drafts: [large], comment: "  " })))?.code).toBe("BAD_REQUEST");
    expect((await refusal(rami.api.drafts.publishMany({ drafts: [] })))?.code).toBe("BAD_REQUEST");
    expect(await db.draft.findUniqueOrThrow({ where: { id: large.id }, select: { status: true } })).toEqual({ status: "PENDING" });
  });
});
