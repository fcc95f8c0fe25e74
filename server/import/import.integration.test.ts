// The CSV import over HTTP, as the page drives it: refusals, the dry run, the all-or-nothing
// import with its audit entries and index refresh, and a re-import that changes nothing.
import { describe, expect, it } from "vitest";
import { ORIGIN, protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { TEST_READER } from "@/scripts/test/database";
import { fromDay, toDay } from "../method/day";
import { indexValue } from "../method/index-math";
import { METHOD } from "../method/params";
import { MAX_IMPORT_BYTES } from "./columns";
import { createImportHandler, createTemplateHandler, type DryRunResult, type ImportRefusal } from "./handler";
import { parseImportCsv } from "./csv";
import { planImport } from "./plan";
import type { ImportProgress } from "./progress";
import { ImportConflictError, runImport } from "./write";

const HEADER = "external_id,title,date,date_precision,dyad,actor,target,cameo_code,level,verification,source_1_publisher,source_1_title,source_1_url";
// Recent days: the index's pulse decays, so only recent events move today's value.
const daysAgo = (n: number) => fromDay(toDay(new Date()) - n);
const row = (id: string, title: string, cameo = "046", date = daysAgo(5)) =>
  `${id},${title},${date},DAY,DZA-FRA,DZA,FRA,${cameo},MINISTER,CONFIRMED,APS,"${title}",https://www.aps.dz/${id}`;
const FILE = [HEADER, row("imp-1", "Paris and Algiers sign a migration accord", "057"), row("imp-2", "Foreign ministers meet in Algiers"), row("imp-3", "Joint statement on visas", "036", daysAgo(3))].join("\r\n");

describe("CSV import", async () => {
  const t = await useAuthTestDatabase({ seed: true });
  const handle = createImportHandler({ db: t.db, auth: t.auth, trustedOrigins: [ORIGIN] });
  const admin = await t.signIn("admin@example.com");
  const analyst = await t.signIn("analyst@example.com");
  const reader = createCaller(createContextInner({ db: t.db, user: TEST_READER }));
  const fraDzaSummary = async () => {
    const [summary] = await reader.relations.summary({ dyads: ["DZA-FRA"] });
    if (!summary) throw new Error("France–Algeria has no summary");
    return summary;
  };
  const fraDza = async () => (await fraDzaSummary()).value;

  const post = (body: string, headers: Headers, dryRun = false) =>
    handle(new Request(`${ORIGIN}/api/admin/import${dryRun ? "?dryRun=1" : ""}`, { method: "POST", headers: { ...Object.fromEntries(headers), "content-type": "text/csv" }, body }));
  const lines = async (response: Response) =>
    (await response.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ImportProgress);
  const imported = () => t.db.event.findMany({ where: { externalId: { startsWith: "imp-" } }, orderBy: { externalId: "asc" }, select: { id: true, version: true, title: true, provenance: true } });

  it("refuses analysts (403), signed-out users (401) and other sites (403), and writes nothing", async () => {
    const before = await protectedState(t.db);
    expect((await post(FILE, analyst)).status).toBe(403);
    expect((await post(FILE, new Headers({ origin: ORIGIN }))).status).toBe(401);
    expect((await post(FILE, new Headers({ cookie: admin.get("cookie") ?? "", origin: "https://evil.example" }))).status).toBe(403);
    const template = createTemplateHandler({ db: t.db, auth: t.auth, trustedOrigins: [ORIGIN] });
    expect((await template(new Request(`${ORIGIN}/api/admin/import/template.csv`, { headers: analyst }))).status).toBe(403);
    expect(await protectedState(t.db)).toEqual(before);
  });

  it("dry run: previews every row's status and lists every row's errors by row and column, writing nothing", async () => {
    const bad = [HEADER, row("imp-1", "Fine row"), row("imp-x", "No"), row("imp-y", "Unknown dyad").replace("DZA-FRA,DZA,FRA", "ESP-FRA,ESP,FRA"), row("imp-1", "Same id again")].join("\n");
    const response = await post(bad, admin, true);
    expect(response.status).toBe(200);
    const result = (await response.json()) as DryRunResult;
    expect(result.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 3 });
    expect(result.preview.map((r) => r.status)).toEqual(["new", "invalid", "invalid", "invalid"]);
    expect(result.errors.map((e) => `row ${e.row}, ${e.column}: ${e.message}`)).toEqual([
      "row 3, title: at least 3 characters",
      "row 4, dyad: no dyad ESP-FRA is recorded: an admin must add it first",
      "row 5, external_id: the same id is on row 2: each event once per file",
    ]);
    expect(await imported()).toEqual([]);
  });

  it("refuses a header it does not know, and a file over 5 MB, with the reason", async () => {
    const header = await post(`${HEADER},colour\n${row("imp-1", "A title")},red`, admin, true);
    expect(header.status).toBe(400);
    expect(((await header.json()) as ImportRefusal).problems).toEqual(["Unknown column colour: see the format for the column names."]);
    const big = await post(`${HEADER}\n${"x".repeat(MAX_IMPORT_BYTES)}`, admin);
    expect(big.status).toBe(413);
    expect(((await big.json()) as ImportRefusal).error).toMatch(/5 MB/);
  });

  it("a file with one bad row imports nothing", async () => {
    const before = await t.db.auditLog.count();
    const response = await post(`${FILE}\r\n${row("imp-4", "Bad date", "046", "2024-02-30")}`, admin);
    expect(response.status).toBe(422);
    expect((await response.json()) as ImportRefusal).toMatchObject({ error: "1 row has errors: nothing was imported.", errors: [{ row: 5, column: "date" }] });
    expect(await imported()).toEqual([]);
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it("imports all rows with progress, an IMPORT audit entry each, and moves France–Algeria", async () => {
    const before = await fraDzaSummary();
    const response = await post(FILE, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/ndjson/);
    const progress = await lines(response);
    expect(progress.map((p) => p.phase)).toEqual(["validated", "writing", "indexing", "done"]);
    expect(progress.at(-1)).toMatchObject({ phase: "done", created: 3, updated: 0, unchanged: 0 });

    const events = await imported();
    expect(events.map((e) => [e.title, e.version, e.provenance])).toEqual([
      ["Paris and Algiers sign a migration accord", 1, "IMPORTED"],
      ["Foreign ministers meet in Algiers", 1, "IMPORTED"],
      ["Joint statement on visas", 1, "IMPORTED"],
    ]);
    const audit = await t.db.auditLog.findMany({ where: { entityId: { in: events.map((e) => e.id) } }, select: { action: true, actorId: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["IMPORT", "IMPORT", "IMPORT"]);
    expect(audit[0]?.after).toMatchObject({ dyad: "DZA-FRA", archived: false });
    // Three cooperative events this week: the relations summary rises at once, by what the method
    // gives (s = G × 0.6 for a minister, faded since its day). The seeded 2024–2026 conditions hold
    // France–Algeria near −87 since method 2.0.0 (near −99, where tanh is flat, under 1.0.0).
    const score = (goldstein: number, age: number) => goldstein * METHOD.levelWeights.MINISTER * 2 ** (-age / METHOD.halfLifeDays);
    const added = score(8, 5) + score(7, 5) + score(4, 3);
    const after = await fraDza();
    expect(after).toBeCloseTo(indexValue(before.ledger, before.pulse + added), 9);
    expect(after).toBeGreaterThan(before.value + 1);
    // The import's move waits for the alert rules in the outbox, written in its own transaction.
    const [change] = await t.db.alertOutbox.findMany({ where: { entity: "Import" }, select: { key: true, recordId: true, moves: true } });
    expect(change).toMatchObject({ key: expect.stringMatching(/^Import:[0-9a-f-]{36}$/), recordId: null, moves: [{ before: expect.any(Number), after }] });
  });

  it("re-importing the same file changes nothing: no new audit entries, versions unchanged", async () => {
    const [events, audit, index] = [await imported(), await t.db.auditLog.count(), await fraDza()];
    const dry = (await (await post(FILE, admin, true)).json()) as DryRunResult;
    expect(dry.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 0 });
    expect((await lines(await post(FILE, admin))).at(-1)).toMatchObject({ phase: "done", created: 0, updated: 0, unchanged: 3 });
    expect(await imported()).toEqual(events);
    expect(await t.db.auditLog.count()).toBe(audit);
    expect(await fraDza()).toBe(index);
  });

  it("a changed row updates its event: version bumped, before and after audited", async () => {
    const changed = FILE.replace("Joint statement on visas", "Joint statement on visas and readmissions");
    const dry = (await (await post(changed, admin, true)).json()) as DryRunResult;
    expect(dry.preview.map((r) => r.status)).toEqual(["unchanged", "unchanged", "changed"]);
    expect((await lines(await post(changed, admin))).at(-1)).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const event = (await imported())[2];
    expect(event).toMatchObject({ title: "Joint statement on visas and readmissions", version: 2 });
    const last = await t.db.auditLog.findFirst({ where: { entityId: event?.id }, orderBy: { id: "desc" }, select: { action: true, before: true, after: true } });
    expect(last).toMatchObject({ action: "IMPORT", before: { title: "Joint statement on visas" }, after: { title: "Joint statement on visas and readmissions" } });
  });

  it("an edit made between the check and the write stops the import, with nothing written", async () => {
    const parsed = parseImportCsv(FILE.replace("Foreign ministers meet in Algiers", "Foreign ministers meet in Oran"));
    if (!parsed.ok) throw new Error(parsed.problems.join(" "));
    const today = toDay(new Date());
    const plan = await planImport({ db: t.db, rows: parsed.rows, today });
    expect(plan.rows.map((r) => r.status)).toEqual(["unchanged", "changed", "changed"]);
    // Someone saves the file's last event through the form meanwhile: imp-2's update is undone too.
    await t.db.event.update({ where: { externalId: "imp-3" }, data: { version: { increment: 1 } } });
    const [events, audit] = [await imported(), await t.db.auditLog.count()];
    const { id } = await t.db.user.findUniqueOrThrow({ where: { email: "admin@example.com" }, select: { id: true } });
    await expect(runImport({ db: t.db, actorId: id, plan, today })).rejects.toBeInstanceOf(ImportConflictError);
    expect(await imported()).toEqual(events);
    expect(await t.db.auditLog.count()).toBe(audit);
  });
});
