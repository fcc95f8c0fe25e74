// The paths that used to publish at once, under REVIEW_REQUIRED on and off, against a real
// PostgreSQL: the CSV import (one draft per row, tagged with its file, in bulk), archive and
// restore (a draft reviewed like an edit, the record live meanwhile), "Make event" from a headline
// (a draft by the admin; the headline follows), a GDELT cluster accepted as reported (a publish)
// or with changed fields (a draft that accepts the cluster when published); and a returned draft
// its author edits or resubmits. Each change with its audit entry.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createCandidateCluster } from "@/prisma/seed/candidate-factories";
import { eventInputFixture } from "@/prisma/seed/factories";
import { ORIGIN, useAuthTestDatabase } from "@/scripts/test/auth";
import { createImportHandler, type DryRunResult } from "../import/handler";
import type { ImportProgress } from "../import/progress";
import { fromDay, toDay } from "../method/day";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";

const today = toDay(new Date());
const daysAgo = (n: number) => fromDay(today - n);
const HEADER = "external_id,title,date,date_precision,dyad,actor,target,cameo_code,level,verification,source_1_publisher,source_1_title,source_1_url";
const row = (id: string, title: string, cameo = "046", date = daysAgo(5)) => `${id},${title},${date},DAY,DZA-FRA,DZA,FRA,${cameo},MINISTER,CONFIRMED,APS,"${title}",https://www.aps.dz/${id}`;

describe("direct publishing paths under review", async () => {
  const t = await useAuthTestDatabase({ seed: true });
  const db = t.db;
  const sessionUser = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
  const [adminUser, reviewerUser, analystUser] = [await sessionUser("admin@example.com"), await sessionUser("reviewer@example.com"), await sessionUser("analyst@example.com")];
  const callerOf = (user: typeof adminUser, reviewRequired: boolean) => createCaller(createContextInner({ db, user, reviewRequired }));
  const admin = callerOf(adminUser, true);
  const reviewer = callerOf(reviewerUser, true);
  const analyst = callerOf(analystUser, true);
  const direct = callerOf(adminUser, false);
  const adminHeaders = await t.signIn("admin@example.com");

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof TRPCError ? e : Promise.reject(e)));
  const trail = (entityId: string) => db.auditLog.findMany({ where: { entityType: "Draft", entityId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, after: true } });
  const lines = async (response: Response) =>
    (await response.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ImportProgress);
  const importAs = (reviewRequired: boolean) => {
    const handle = createImportHandler({ db, auth: t.auth, trustedOrigins: [ORIGIN], reviewRequired });
    return (body: string, query = "") =>
      handle(new Request(`${ORIGIN}/api/admin/import${query}`, { method: "POST", headers: { ...Object.fromEntries(adminHeaders), "content-type": "text/csv" }, body }));
  };
  const fraDza = async () => (await analyst.relations.summary({ dyads: ["DZA-FRA"] }))[0]?.value ?? NaN;

  describe("the CSV import", () => {
    const FILE = [HEADER, row("dp-1", "Paris and Algiers sign a migration accord", "057"), row("dp-2", "Foreign ministers meet in Algiers")].join("\r\n");
    const imported = () => db.event.findMany({ where: { externalId: { startsWith: "dp-" } }, orderBy: { externalId: "asc" }, select: { id: true, title: true, provenance: true, externalId: true, version: true } });

    it("with review required writes one draft per row, tagged with the file, nothing published; another admin publishes one as the import would have", async () => {
      const [events, index] = [await db.event.count(), await fraDza()];
      const response = await importAs(true)(FILE, "?file=spring%20visits.csv");
      expect(response.status).toBe(200);
      const progress = await lines(response);
      expect(progress.map((p) => p.phase)).toEqual(["validated", "writing", "submitted"]);
      expect(progress.at(-1)).toMatchObject({ phase: "submitted", drafts: 2, unchanged: 0, source: "import: spring visits.csv (2 rows)", shown: [{ title: "Paris and Algiers sign a migration accord" }, { title: "Foreign ministers meet in Algiers" }] });
      expect(await db.event.count()).toBe(events);
      expect(await fraDza()).toBe(index);

      const drafts = await db.draft.findMany({ where: { source: "import: spring visits.csv (2 rows)" }, orderBy: { title: "asc" }, select: { id: true, title: true, status: true, authorId: true, provenance: true, externalId: true, recordId: true } });
      expect(drafts.map((d) => [d.title, d.status, d.authorId, d.provenance, d.externalId, d.recordId])).toEqual([
        ["Foreign ministers meet in Algiers", "PENDING", adminUser.id, "IMPORTED", "dp-2", null],
        ["Paris and Algiers sign a migration accord", "PENDING", adminUser.id, "IMPORTED", "dp-1", null],
      ]);
      const [first] = drafts;
      if (!first) throw new Error("no draft");
      expect(await trail(first.id)).toEqual([{ action: "DRAFT", actorId: adminUser.id, after: expect.objectContaining({ status: "PENDING", source: "import: spring visits.csv (2 rows)", values: expect.objectContaining({ title: first.title }) }) }]);
      // The queue lists them with their batch and the index preview, like any draft.
      expect((await reviewer.drafts.open()).find((d) => d.id === first.id)).toMatchObject({ source: "import: spring visits.csv (2 rows)", mayDecide: true });

      expect((await refusal(admin.drafts.publish({ id: first.id, version: 1 })))?.code).toBe("FORBIDDEN");
      const { recordId } = await reviewer.drafts.publish({ id: first.id, version: 1 });
      expect(await db.event.findUniqueOrThrow({ where: { id: recordId }, select: { provenance: true, externalId: true } })).toEqual({ provenance: "IMPORTED", externalId: "dp-2" });
      expect(await fraDza()).not.toBe(index);
      // The published row is now what the file says: a dry run sees it unchanged.
      const dry = (await (await importAs(true)(FILE, "?dryRun=1")).json()) as DryRunResult;
      expect(dry.counts).toMatchObject({ new: 1, unchanged: 1 });
    });

    it("a changed row becomes an edit draft against the version read; review off imports at once; ?review=1 asks for drafts anyway", async () => {
      const other = [HEADER, row("dp-3", "Joint statement on visas", "036", daysAgo(3))].join("\r\n");
      expect((await lines(await importAs(false)(other))).at(-1)).toMatchObject({ phase: "done", created: 1 });
      const [stored] = (await imported()).filter((e) => e.externalId === "dp-3");
      expect(stored).toMatchObject({ provenance: "IMPORTED", version: 1 });

      const changed = other.replace("Joint statement on visas", "Joint statement on visas and readmissions");
      expect((await lines(await importAs(false)(changed, "?review=1&file=fix.csv"))).at(-1)).toMatchObject({ phase: "submitted", drafts: 1, unchanged: 0, source: "import: fix.csv (1 row)" });
      const edit = await db.draft.findFirstOrThrow({ where: { source: "import: fix.csv (1 row)" }, select: { id: true, recordId: true, baseVersion: true } });
      expect(edit).toMatchObject({ recordId: stored?.id, baseVersion: 1 });
      expect(await db.event.findUniqueOrThrow({ where: { id: stored?.id }, select: { title: true } })).toEqual({ title: "Joint statement on visas" });
      await reviewer.drafts.publish({ id: edit.id, version: 1 });
      expect(await db.event.findUniqueOrThrow({ where: { id: stored?.id }, select: { title: true, version: true } })).toEqual({ title: "Joint statement on visas and readmissions", version: 2 });
    });

    it("a file name that cannot be a label falls back to file.csv; 1,200 rows make 1,200 drafts in bulk", async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => row(`dp-bulk-${i}`, `Bulk consultation number ${i}`));
      const started = Date.now();
      const response = await importAs(true)([HEADER, ...rows].join("\n"), `?file=${encodeURIComponent("\u0000")}`);
      expect((await lines(response)).at(-1)).toMatchObject({ phase: "submitted", drafts: 1200, unchanged: 0, source: "import: file.csv (1200 rows)" });
      expect(await db.draft.count({ where: { source: "import: file.csv (1200 rows)" } })).toBe(1200);
      expect(await db.auditLog.count({ where: { action: "DRAFT", after: { path: ["source"], equals: "import: file.csv (1200 rows)" } } })).toBe(1200);
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  });

  describe("archive and restore", () => {
    it("with review required archiving makes a draft: the event stays live until another admin publishes it; restore likewise", async () => {
      const event = await direct.events.create(eventInputFixture({ title: "A consultation to be archived", date: daysAgo(4) }));
      const proposed = await admin.events.archive(event);
      expect(proposed).toMatchObject({ id: event.id, version: event.version, draftId: expect.any(String) });
      const draftId = proposed.draftId ?? "";
      expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { archivedAt: true, version: true } })).toEqual({ archivedAt: null, version: 1 });
      expect((await analyst.events.byId({ id: event.id })).title).toBe("A consultation to be archived");
      expect((await refusal(admin.events.archive(event)))?.code).toBe("CONFLICT");
      expect(await reviewer.drafts.byId({ id: draftId })).toMatchObject({ archive: true, recordId: event.id, status: "PENDING" });

      await reviewer.drafts.publish({ id: draftId, version: 1 });
      expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { version: true, archivedAt: true } })).toMatchObject({ version: 2, archivedAt: expect.any(Date) });
      expect(await db.auditLog.findFirst({ where: { entityType: "Event", entityId: event.id }, orderBy: { id: "desc" }, select: { action: true, actorId: true } })).toEqual({ action: "ARCHIVE", actorId: reviewerUser.id });
      expect((await trail(draftId)).map((e) => e.action)).toEqual(["DRAFT", "PUBLISH"]);

      const restore = await admin.events.restore({ id: event.id, version: 2 });
      expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { archivedAt: true } })).toMatchObject({ archivedAt: expect.any(Date) });
      await reviewer.drafts.publish({ id: restore.draftId ?? "", version: 1 });
      expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { archivedAt: true, version: true } })).toEqual({ archivedAt: null, version: 3 });
    });

    it("review off archives at once; a stale version or a missing record is refused, never a 500", async () => {
      const condition = await direct.conditions.create({ dyad: "FRA-DZA", kind: "VISA_REGIME", title: "Visas tightened", startDate: daysAgo(30), startPrecision: "DAY", verification: "REPORTED", sources: [] });
      expect(await direct.conditions.archive(condition)).toEqual({ id: condition.id, version: 2 });
      expect((await refusal(admin.conditions.restore({ id: condition.id, version: 1 })))?.code).toBe("CONFLICT");
      expect((await refusal(admin.agreements.archive({ id: "c000000000000000000000000", version: 1 })))?.code).toBe("NOT_FOUND");
    });
  });

  describe("Make event from a headline", () => {
    const headline = async (title: string) => {
      const feed = await db.newsFeed.create({ data: { url: `https://direct.example/${Math.random()}.xml`, language: "fr", countryCode: "MAR" }, select: { id: true } });
      return db.headline.create({ data: { feedId: feed.id, itemKey: title, title, link: `https://news.example/${encodeURIComponent(title)}`, language: "fr", countryCodes: ["FRA", "MAR"] }, select: { id: true } });
    };
    const values = (title: string) => eventInputFixture({ title, date: daysAgo(2) });

    it("with review required saves a draft by the admin and marks the headline used; publishing links it to the event", async () => {
      const { id } = await headline("Rabat et Paris parlent commerce");
      const events = await db.event.count();
      const made = await admin.feeds.createEvent({ headlineId: id, data: values("Rabat and Paris talk trade") });
      expect(made).toEqual({ id: expect.any(String), draft: true });
      expect(await db.event.count()).toBe(events);
      expect(await db.headline.findUniqueOrThrow({ where: { id }, select: { status: true, eventId: true } })).toEqual({ status: "USED", eventId: null });
      expect(await admin.feeds.eventDraft({ id })).toMatchObject({ inReview: true });
      expect(await db.draft.findUniqueOrThrow({ where: { id: made.id }, select: { authorId: true, source: true, provenance: true } })).toEqual({ authorId: adminUser.id, source: "feeds: Rabat et Paris parlent commerce", provenance: "FEED" });
      expect((await refusal(admin.feeds.createEvent({ headlineId: id, data: values("Twice") })))?.code).toBe("CONFLICT");

      const { recordId } = await reviewer.drafts.publish({ id: made.id, version: 1 });
      expect(await db.event.findUniqueOrThrow({ where: { id: recordId }, select: { provenance: true, externalId: true } })).toEqual({ provenance: "FEED", externalId: `headline:${id}` });
      expect(await db.headline.findUniqueOrThrow({ where: { id }, select: { eventId: true } })).toEqual({ eventId: recordId });
      expect(await db.auditLog.findFirst({ where: { entityType: "Headline", entityId: id }, orderBy: { id: "desc" }, select: { actorId: true, after: true } })).toEqual({ actorId: reviewerUser.id, after: { status: "USED", eventId: recordId } });
    });

    it("a withdrawn draft puts the headline back; review off records the event at once; bad values land on their fields", async () => {
      const { id } = await headline("Visite d'État à Rabat");
      const made = await admin.feeds.createEvent({ headlineId: id, data: values("State visit to Rabat") });
      await admin.drafts.withdraw({ id: made.id, version: 1 });
      expect(await db.headline.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "NEW" });

      const bad = await refusal(admin.feeds.createEvent({ headlineId: id, data: { ...values("Future"), date: fromDay(today + 3) } }));
      expect(bad?.code).toBe("BAD_REQUEST");
      expect(JSON.stringify(bad?.cause)).toMatch(/future/);
      const published = await direct.feeds.createEvent({ headlineId: id, data: values("State visit to Rabat") });
      expect(published).toEqual({ id: expect.any(String), version: 1 });
      expect(await db.headline.findUniqueOrThrow({ where: { id }, select: { eventId: true } })).toEqual({ eventId: published.id });
    });
  });

  describe("a GDELT cluster accepted", () => {
    let serial = 0;
    const cluster = () =>
      createCandidateCluster(db, {
        dyad: "DZA-MAR", day: daysAgo(40 + ++serial), actor: "DZA", target: "MAR",
        reports: [{ cameoCode: "111", sourceUrl: `https://www.lemonde.example/dp-${serial}` }, { cameoCode: "111", sourceUrl: `https://tsa.example/dp-${serial}` }],
      });
    const formValues = async (clusterId: string) => {
      const { values } = await admin.review.draft({ clusterId });
      return values;
    };

    it("as GDELT reported it stays a publish; with changed fields it is a draft that accepts the cluster once published", async () => {
      const asReported = await cluster();
      const accepted = await admin.review.acceptEdited({ clusterId: asReported.id, data: await formValues(asReported.id) });
      expect(accepted.eventId).toEqual(expect.any(String));
      expect(await db.candidateCluster.findUniqueOrThrow({ where: { id: asReported.id }, select: { status: true } })).toEqual({ status: "ACCEPTED" });

      const edited = await cluster();
      const events = await db.event.count();
      const drafted = await admin.review.acceptEdited({ clusterId: edited.id, data: { ...(await formValues(edited.id)), title: "Algiers denounces Rabat's statement" } });
      expect(drafted.draftId).toEqual(expect.any(String));
      expect(await db.event.count()).toBe(events);
      expect(await db.candidateCluster.findUniqueOrThrow({ where: { id: edited.id }, select: { status: true } })).toEqual({ status: "PENDING" });
      expect((await refusal(admin.review.acceptEdited({ clusterId: edited.id, data: { ...(await formValues(edited.id)), title: "A second try" } })))?.code).toBe("CONFLICT");

      const { recordId } = await reviewer.drafts.publish({ id: drafted.draftId ?? "", version: 1 });
      expect(await db.event.findUniqueOrThrow({ where: { id: recordId }, select: { title: true, provenance: true } })).toEqual({ title: "Algiers denounces Rabat's statement", provenance: "GDELT" });
      expect(await db.candidateCluster.findUniqueOrThrow({ where: { id: edited.id }, select: { status: true, eventId: true, reviewedById: true } })).toEqual({ status: "ACCEPTED", eventId: recordId, reviewedById: reviewerUser.id });
    });

    it("review off accepts changed fields at once", async () => {
      const { id } = await cluster();
      const { eventId } = await callerOf(adminUser, false).review.acceptEdited({ clusterId: id, data: { ...(await formValues(id)), title: "Edited in a one-person deployment" } });
      expect(await db.event.findUniqueOrThrow({ where: { id: eventId ?? "" }, select: { title: true } })).toEqual({ title: "Edited in a one-person deployment" });
    });
  });

  describe("a returned draft", () => {
    it("an imported row's draft is edited by its author and resubmitted, keeping its batch and external id; the trail keeps every status", async () => {
      const response = await importAs(true)([HEADER, row("dp-ret", "Ministers meet in Oran")].join("\n"), "?file=oran.csv");
      await response.text();
      const draft = await db.draft.findFirstOrThrow({ where: { externalId: "dp-ret" }, select: { id: true, values: true } });
      await reviewer.drafts.return({ id: draft.id, version: 1, comment: "Oran, or Algiers? Check the source." });
      expect((await refusal(reviewer.drafts.resubmit({ id: draft.id, version: 2 })))?.code).toBe("FORBIDDEN");
      const data = { ...(draft.values as object), title: "Ministers meet in Algiers" };
      const resubmitted = await admin.drafts.save({ type: "Event", data: data as never, draft: { id: draft.id, version: 2 } });
      expect(await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, title: true, source: true, externalId: true } })).toEqual({
        status: "PENDING", title: "Ministers meet in Algiers", source: "import: oran.csv (1 row)", externalId: "dp-ret",
      });
      const { recordId } = await reviewer.drafts.publish(resubmitted);
      expect(await db.event.findUniqueOrThrow({ where: { id: recordId }, select: { title: true, externalId: true } })).toEqual({ title: "Ministers meet in Algiers", externalId: "dp-ret" });
      expect((await trail(draft.id)).map((e) => [e.action, e.actorId])).toEqual([
        ["DRAFT", adminUser.id],
        ["RETURN", reviewerUser.id],
        ["DRAFT", adminUser.id],
        ["PUBLISH", reviewerUser.id],
      ]);
    });

    it("an archive draft has no fields to edit: its author resubmits it as it is", async () => {
      const event = await direct.events.create(eventInputFixture({ title: "An archive sent back", date: daysAgo(6) }));
      const { draftId = "" } = await admin.events.archive(event);
      await reviewer.drafts.return({ id: draftId, version: 1, comment: "Why archive it?" });
      expect((await refusal(admin.drafts.save({ type: "Event", data: eventInputFixture(), target: event, draft: { id: draftId, version: 2 } })))?.code).toBe("BAD_REQUEST");
      expect((await refusal(admin.drafts.resubmit({ id: draftId, version: 1 })))?.code).toBe("CONFLICT");
      expect(await admin.drafts.resubmit({ id: draftId, version: 2 })).toEqual({ id: draftId, version: 3 });
      expect((await trail(draftId)).map((e) => e.action)).toEqual(["DRAFT", "RETURN", "DRAFT"]);
      expect((await refusal(admin.drafts.resubmit({ id: draftId, version: 3 })))?.code).toBe("CONFLICT");
    });
  });
});
