// Drafts against a real PostgreSQL: each state change (draft, return, resubmit, publish, withdraw)
// and its audit entry, four eyes (the author cannot publish, on the server), a stale publish, the
// preview (nothing written), REVIEW_REQUIRED, and no draft ever reaching an analyst's read.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { eventInputFixture } from "@/prisma/seed/factories";
import { useTestDatabase } from "@/scripts/test/database";
import { agreementFixture } from "@/test/fixtures/agreement";
import { exportAgreements } from "../agreements/exports";
import { createFeedToken } from "../feed-tokens/service";
import { parseImportCsv } from "../import/csv";
import { planImport } from "../import/plan";
import { submitImport } from "../import/write";
import { fromDay, toDay } from "../method/day";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";

const today = toDay(new Date());
const daysAgo = (n: number) => fromDay(today - n);

describe("drafts", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const user = async (name: string, role: "admin" | "analyst", reviewRequired = true) => {
    const u = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/ /g, ".")}@example.com`, role }, select: { id: true, name: true, email: true, role: true } });
    return { id: u.id, api: createCaller(createContextInner({ db, user: u, reviewRequired })) };
  };
  const author = await user("Amal Author", "admin");
  const reviewer = await user("Rami Reviewer", "admin");
  const analyst = await user("Ana Analyst", "analyst");
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof TRPCError ? e : Promise.reject(e)));
  const trail = (draftId: string) => db.auditLog.findMany({ where: { entityType: "Draft", entityId: draftId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, after: true } });
  const fraDza = async () => (await analyst.api.relations.summary({ dyads: ["FRA-DZA"] }))[0]?.value ?? NaN;
  const strongEvent = (title: string, date = daysAgo(3)) => eventInputFixture({ title, date, cameoCode: "190", overrideKey: undefined });

  it("a draft changes nothing published; its author cannot publish it; another admin does, through the pipeline, and the trail names both", async () => {
    const before = await fraDza();
    const [events, rollups] = [await db.event.count(), await db.dyadDay.count()];
    const draft = await author.api.drafts.save({ type: "Event", data: strongEvent("Draft: a military clash on the border") });
    expect(await db.event.count()).toBe(events);
    expect(await db.dyadDay.count()).toBe(rollups);
    expect(await fraDza()).toBe(before);

    const own = await refusal(author.api.drafts.publish(draft));
    expect(own?.code).toBe("FORBIDDEN");
    expect(own?.message).toMatch(/You wrote this draft: another admin must publish/);
    expect(await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "PENDING" });

    const listed = (await reviewer.api.drafts.open()).find((d) => d.id === draft.id);
    expect(listed).toMatchObject({ status: "PENDING", author: "Amal Author", mine: false, mayDecide: true, recordType: "Event" });
    expect((await author.api.drafts.open()).find((d) => d.id === draft.id)).toMatchObject({ mine: true, mayDecide: false });

    const published = await reviewer.api.drafts.publish(draft);
    expect(published.recordType).toBe("Event");
    expect(await db.event.findUniqueOrThrow({ where: { id: published.recordId }, select: { title: true } })).toEqual({ title: "Draft: a military clash on the border" });
    expect(await fraDza()).toBeLessThan(before);
    expect(await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, reviewerId: true, recordId: true } })).toEqual({
      status: "PUBLISHED",
      reviewerId: reviewer.id,
      recordId: published.recordId,
    });
    expect(await trail(draft.id)).toEqual([
      expect.objectContaining({ action: "DRAFT", actorId: author.id }),
      expect.objectContaining({ action: "PUBLISH", actorId: reviewer.id, after: expect.objectContaining({ status: "PUBLISHED", recordId: published.recordId }) }),
    ]);
    expect(await db.auditLog.findFirst({ where: { entityType: "Event", entityId: published.recordId }, select: { action: true, actorId: true } })).toEqual({ action: "CREATE", actorId: reviewer.id });
    expect((await refusal(reviewer.api.drafts.publish({ id: draft.id, version: draft.version + 1 })))?.code).toBe("CONFLICT");
  });

  it("returned with a comment, the author reads it, edits and resubmits; the reviewer then publishes", async () => {
    const draft = await author.api.drafts.save({ type: "Condition", data: { dyad: "FRA-DZA", kind: "VISA_REGIME", title: "Visa regime tightened", startDate: daysAgo(40), startPrecision: "DAY", verification: "REPORTED", sources: [] } });
    expect((await refusal(reviewer.api.drafts.return({ ...draft, comment: "  " })))?.code).toBe("BAD_REQUEST");
    expect((await refusal(author.api.drafts.return({ ...draft, comment: "fine by me" })))?.code).toBe("FORBIDDEN");
    await reviewer.api.drafts.return({ ...draft, comment: "Which ministry announced it? Add the source." });
    const returned = await author.api.drafts.byId({ id: draft.id });
    expect(returned).toMatchObject({ status: "RETURNED", comment: "Which ministry announced it? Add the source.", reviewer: { name: "Rami Reviewer" } });
    expect((await refusal(reviewer.api.drafts.publish({ id: draft.id, version: returned.version })))?.code).toBe("CONFLICT");
    expect((await refusal(reviewer.api.drafts.save({ type: "Condition", data: { ...(returned.values as object), title: "Not mine" } as never, draft: { id: draft.id, version: returned.version } })))?.code).toBe(
      "FORBIDDEN",
    );

    const sources = [{ publisher: "Example Wire", title: "Interior ministry tightens visas", url: "https://example.org/visas" }];
    const resubmitted = await author.api.drafts.save({
      type: "Condition",
      data: { dyad: "FRA-DZA", kind: "VISA_REGIME", title: "Visa regime tightened", startDate: daysAgo(40), startPrecision: "DAY", verification: "CONFIRMED", sources },
      draft: { id: draft.id, version: returned.version },
    });
    expect(await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "PENDING" });
    const { recordId } = await reviewer.api.drafts.publish(resubmitted);
    expect(await db.condition.findUniqueOrThrow({ where: { id: recordId }, select: { verification: true, points: true } })).toEqual({ verification: "CONFIRMED", points: -5 });
    expect((await trail(draft.id)).map((e) => [e.action, e.actorId])).toEqual([
      ["DRAFT", author.id],
      ["RETURN", reviewer.id],
      ["DRAFT", author.id],
      ["PUBLISH", reviewer.id],
    ]);
  });

  it("an edit as a draft leaves the published version live; a record saved meanwhile makes the publish the pipeline's stale-version conflict", async () => {
    const direct = await user("Dana Direct", "admin", false);
    const event = await direct.api.events.create(strongEvent("A clash to be corrected", daysAgo(5)));
    const edit = await author.api.drafts.save({ type: "Event", data: strongEvent("A clash, corrected", daysAgo(5)), target: event });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { title: true, version: true } })).toEqual({ title: "A clash to be corrected", version: 1 });

    await direct.api.events.update({ ...event, data: strongEvent("Edited meanwhile", daysAgo(5)) });
    const stale = await refusal(reviewer.api.drafts.publish(edit));
    expect(stale?.code).toBe("CONFLICT");
    expect(stale?.cause).toMatchObject({ current: { version: 2 } });
    expect(await db.draft.findUniqueOrThrow({ where: { id: edit.id }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { title: true } })).toEqual({ title: "Edited meanwhile" });

    // The author brings the draft onto the new version; then it publishes over it.
    const rebased = await author.api.drafts.save({ type: "Event", data: strongEvent("A clash, corrected", daysAgo(5)), target: { id: event.id, version: 2 }, draft: edit });
    await reviewer.api.drafts.publish(rebased);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { title: true, version: true } })).toEqual({ title: "A clash, corrected", version: 3 });
    // A draft of an edit based on an old version is refused when it is saved, too.
    expect((await refusal(author.api.drafts.save({ type: "Event", data: strongEvent("Late"), target: { id: event.id, version: 1 } })))?.code).toBe("CONFLICT");
  });

  it("the preview gives each touched dyad's index today and on the record's day, before → after, and writes nothing", async () => {
    const rollups = await db.dyadDay.findMany({ where: { dyad: { key: "FRA-DZA" } }, orderBy: { day: "asc" } });
    const draft = await author.api.drafts.save({ type: "Event", data: strongEvent("Draft for the preview", daysAgo(10)) });
    const { preview } = await reviewer.api.drafts.byId({ id: draft.id });
    expect(preview.map((p) => p.dyad)).toEqual([{ key: "DZA-FRA", label: "France – Algeria" }]);
    const [onToday, onItsDay] = preview[0]?.moves ?? [];
    expect(onToday?.date).toBe(fromDay(today));
    expect(onItsDay?.date).toBe(daysAgo(10));
    expect(onToday?.before).toBeCloseTo(await fraDza(), 6);
    expect(onToday?.after).toBeLessThan(onToday?.before ?? NaN);
    expect(onItsDay?.after).toBeLessThan(onItsDay?.before ?? NaN);
    expect(await db.dyadDay.findMany({ where: { dyad: { key: "FRA-DZA" } }, orderBy: { day: "asc" } })).toEqual(rollups);

    await reviewer.api.drafts.publish(draft);
    expect(await fraDza()).toBeCloseTo(onToday?.after ?? NaN, 6);
    expect(onToday?.bandAfter).toBe((await analyst.api.relations.summary({ dyads: ["FRA-DZA"] }))[0]?.band);

    const agreement = await author.api.drafts.save({ type: "Agreement", data: { ...agreementFixture, title: "Draft agreement for the preview" } as never });
    expect((await reviewer.api.drafts.byId({ id: agreement.id })).preview).toEqual([]);
  });

  it("REVIEW_REQUIRED on: direct creates and edits are refused with the reason; off: they save", async () => {
    const required = await refusal(author.api.events.create(strongEvent("Direct while review is required")));
    expect(required?.code).toBe("FORBIDDEN");
    expect(required?.message).toMatch(/Another admin must review this change/);
    const direct = await user("Olga One-person", "admin", false);
    const created = await direct.api.events.create(strongEvent("Direct in a one-person deployment"));
    expect((await refusal(author.api.events.update({ ...created, data: strongEvent("Direct edit") })))?.code).toBe("FORBIDDEN");
    expect((await refusal(author.api.conditions.create({ dyad: "FRA-DZA", kind: "VISA_REGIME", title: "Direct", startDate: daysAgo(1), startPrecision: "DAY", verification: "REPORTED", sources: [] })))?.code).toBe("FORBIDDEN");
    expect((await refusal(author.api.agreements.create({ ...agreementFixture } as never)))?.code).toBe("FORBIDDEN");
  });

  it("the author withdraws a draft; analysts may call no draft procedure; bad values are refused on their fields", async () => {
    const draft = await author.api.drafts.save({ type: "Event", data: strongEvent("To be withdrawn") });
    expect((await refusal(reviewer.api.drafts.withdraw(draft)))?.code).toBe("FORBIDDEN");
    const calls = [() => analyst.api.drafts.open(), () => analyst.api.drafts.byId({ id: draft.id }), () => analyst.api.drafts.publish(draft), () => analyst.api.drafts.return({ ...draft, comment: "no" })];
    for (const call of calls) expect((await refusal(call()))?.code).toBe("FORBIDDEN");
    await author.api.drafts.withdraw(draft);
    expect((await trail(draft.id)).map((e) => e.action)).toEqual(["DRAFT", "WITHDRAW"]);
    expect((await reviewer.api.drafts.open()).map((d) => d.id)).not.toContain(draft.id);

    const future = await refusal(author.api.drafts.save({ type: "Event", data: strongEvent("Tomorrow", fromDay(today + 2)) }));
    expect(future?.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(future?.cause)).toMatch(/future/);
  });

  it("no draft reaches an analyst's read: summaries, series, drivers, volumes, the map, the feed and every export", async () => {
    const marker = "ZZ-unpublished-draft";
    const reads = async () => {
      const from = daysAgo(400);
      const to = fromDay(today);
      const { token } = await createFeedToken({ db, userId: analyst.id, name: `reads ${Math.random()}` });
      const exported = await Promise.all(
        (["atom", "csv", "json"] as const).map(async (format) => (await exportAgreements({ db, format, request: new Request(`http://monitor.test/x?token=${token}`) })).text()),
      );
      return JSON.stringify([
        await analyst.api.relations.summary({}),
        await analyst.api.relations.series({ dyads: ["FRA-DZA", "FRA-MAR"], from, to }),
        await analyst.api.relations.drivers({ dyad: "FRA-DZA" }),
        await analyst.api.relations.volume({ from, to }),
        await analyst.api.events.forMap({ from, to }),
        await analyst.api.agreements.list({}),
        exported.map((text) => text.replace(/<updated>[^<]*<\/updated>|"generatedAt":"[^"]*"/g, "")),
      ]);
    };
    // A published event whose archive is proposed: it stays in every read until the draft is published.
    const live = await (await user("Lina Live", "admin", false)).api.events.create(strongEvent("Live until its archive is published", daysAgo(2)));
    const before = await reads();
    expect((await author.api.events.archive(live)).draftId).toEqual(expect.any(String));
    // An import's drafts, written in bulk: a new row and an edit of the live event's dyad.
    const csv = parseImportCsv(
      [
        "external_id,title,date,date_precision,dyad,actor,target,cameo_code,level,verification",
        `leak-1,${marker} imported,${daysAgo(3)},DAY,DZA-FRA,DZA,FRA,190,MINISTER,CONFIRMED`,
        `leak-2,${marker} imported too,${daysAgo(1)},DAY,FRA-MAR,FRA,MAR,057,HEAD_OF_STATE,CONFIRMED`,
      ].join("\n"),
    );
    if (!csv.ok) throw new Error(csv.problems.join(" "));
    await submitImport({ db, actorId: author.id, plan: await planImport({ db, rows: csv.rows, today }), source: "import: leak.csv (2 rows)" });
    expect(await db.draft.count({ where: { source: "import: leak.csv (2 rows)" } })).toBe(2);
    await author.api.drafts.save({ type: "Event", data: strongEvent(`${marker} event`, daysAgo(2)) });
    await author.api.drafts.save({ type: "Condition", data: { dyad: "FRA-DZA", kind: "RELATIONS_SEVERED", title: `${marker} condition`, startDate: daysAgo(20), startPrecision: "DAY", verification: "CONFIRMED", sources: [] } });
    await author.api.drafts.save({ type: "Agreement", data: { ...agreementFixture, title: `${marker} agreement` } as never });
    const after = await reads();
    expect(after).not.toContain(marker);
    expect(after).toBe(before);
  });
});
