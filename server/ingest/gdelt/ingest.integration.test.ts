// GDELT ingestion against the fixture server (real node:http, zips built from the real samples)
// and a real PostgreSQL: each file stored once and whole, missed files in order, bad answers
// refused with nothing written, corroboration, rejected clusters, a run killed mid-file.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { SAMPLE_SLOTS, exportWithTrackedPairs } from "@/test/fixtures/gdelt";
import { startGdeltFixtureServer, zipOf } from "@/test/support/gdelt-server";
import { isSourceUnreachable } from "../unreachable";
import { backfillDays, backfillFolder } from "./backfill";
import { GdeltFileError } from "./errors";
import { readExportText } from "./export-file";
import { ingestNewFiles, type GdeltIngestOptions } from "./ingest";

const COUNTRIES = ["FRA", "DZA", "MAR", "TUN", "LBY", "MRT"];
const [S0, S1, S2, S3] = SAMPLE_SLOTS;
/** Real rows of a sample slot under new event ids, for slots the samples do not have. */
const renumbered = (slot: (typeof SAMPLE_SLOTS)[number], offset: bigint) =>
  exportWithTrackedPairs(slot)
    .split("\n")
    .map((line) => line.replace(/^\d+/, (id) => String(BigInt(id) + offset)))
    .join("\n");

describe("GDELT ingestion", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const server = await startGdeltFixtureServer();
  afterAll(() => server.close());
  const run = (options: Partial<GdeltIngestOptions> = {}) =>
    ingestNewFiles({ db, baseUrl: server.baseUrl, countries: COUNTRIES, signal: new AbortController().signal, ...options });
  const counts = async () => ({ files: await db.ingestFile.count(), clusters: await db.candidateCluster.count(), reports: await db.candidateReport.count() });
  const dyadId = async (key: string) => (await db.dyad.findUniqueOrThrow({ where: { key } })).id;
  const event = async (key: string, actor: string, target: string, cameoCode: string, day: string, archived = false) =>
    db.event.create({
      data: {
        title: `Test ${cameoCode}`,
        date: new Date(day),
        placementDate: new Date(day),
        dyadId: await dyadId(key),
        actorCode: actor,
        targetCode: target,
        cameoCode,
        level: "MINISTER",
        verification: "CONFIRMED",
        score: 1,
        methodVersion: "test",
        archivedAt: archived ? new Date() : null,
      },
    });

  it("reads the latest file: every row that pairs two tracked countries becomes a report in its cluster; a published event's matches corroborate it", async () => {
    const published = await event("DZA-FRA", "DZA", "FRA", "042", "2015-02-19");
    await event("FRA-MAR", "MAR", "FRA", "036", "2015-02-18", true);
    server.publish(S0);
    const result = await run();
    expect(result).toMatchObject({ read: 98, kept: 64, waiting: 0 });
    expect(result.files.map((f) => f.url)).toEqual([`${server.baseUrl}/${S0}.export.CSV.zip`]);
    const file = await db.ingestFile.findFirstOrThrow({ where: { url: { endsWith: `${S0}.export.CSV.zip` } } });
    expect(file).toMatchObject({ size: server.exportLine(S0).size, md5: server.exportLine(S0).md5, rowsRead: 98, rowsKept: 64 });
    expect(file.slot.toISOString()).toBe("2015-02-18T23:00:00.000Z");
    expect(await db.candidateReport.count()).toBe(64);

    const expected = await readExportText(exportWithTrackedPairs(S0), { tracked: new Set(COUNTRIES) });
    const keys = new Set(expected.candidates.map((c) => `${c.dyadKey} ${c.day} ${c.rootCode} ${c.actorCode} ${c.targetCode}`));
    const clusters = await db.candidateCluster.findMany({ include: { dyad: true, _count: { select: { reports: true } } } });
    expect(new Set(clusters.map((c) => `${c.dyad.key} ${c.day.toISOString().slice(0, 10)} ${c.rootCode} ${c.actorCode} ${c.targetCode}`))).toEqual(keys);
    expect(clusters.reduce((sum, c) => sum + c._count.reports, 0)).toBe(64);

    const corroborating = clusters.filter((c) => c.status === "CORROBORATING");
    expect(corroborating.length).toBeGreaterThan(0);
    for (const c of corroborating) expect(c).toMatchObject({ eventId: published.id, rootCode: "04", dyadId: published.dyadId });
    // An archived event is not published: MAR→FRA "03" clusters stay in the queue.
    expect(clusters.filter((c) => c.rootCode === "03").every((c) => c.status === "PENDING" && c.eventId === null)).toBe(true);

    const sample = expected.candidates[0];
    const report = await db.candidateReport.findUniqueOrThrow({ where: { globalEventId: sample?.globalEventId ?? 0n } });
    expect(report).toMatchObject({ cameoCode: sample?.cameoCode, goldstein: sample?.gdeltGoldstein, numMentions: sample?.numMentions, avgTone: sample?.avgTone, sourceUrl: sample?.sourceUrl, placeName: sample?.placeName });
  });

  it("a file read twice adds nothing", async () => {
    const before = await counts();
    const again = await run();
    expect(again).toMatchObject({ read: 0, kept: 0, files: [] });
    expect(await counts()).toEqual(before);
  });

  it("after downtime reads the missed files in slot order, a few a run; a rejected cluster stays rejected as its reports arrive", async () => {
    const next = await readExportText(exportWithTrackedPairs(S1), { tracked: new Set(COUNTRIES) });
    const stored = await db.candidateCluster.findMany({ include: { dyad: true } });
    const shared = stored.find((c) => next.candidates.some((n) => n.dyadKey === c.dyad.key && n.rootCode === c.rootCode && n.actorCode === c.actorCode && n.targetCode === c.targetCode));
    if (!shared) throw new Error("the fixture slots share no cluster");
    await db.candidateCluster.update({ where: { id: shared.id }, data: { status: "REJECTED", rejectReason: "not bilateral" } });
    const reportsBefore = await db.candidateReport.count({ where: { clusterId: shared.id } });

    for (const slot of [S1, S2, S3]) server.publish(slot);
    const first = await run({ maxFilesPerRun: 2 });
    expect(first.files.map((f) => f.slot.toISOString())).toEqual(["2015-02-18T23:15:00.000Z", "2015-02-18T23:30:00.000Z"]);
    expect(first.waiting).toBe(1);
    const second = await run({ maxFilesPerRun: 2 });
    expect(second.files.map((f) => f.slot.toISOString())).toEqual(["2015-02-18T23:45:00.000Z"]);
    const zips = server.requests.filter((p) => p.endsWith(".export.CSV.zip"));
    expect(zips).toEqual([S0, S1, S2, S3].map((s) => `/gdeltv2/${s}.export.CSV.zip`));

    const rejected = await db.candidateCluster.findUniqueOrThrow({ where: { id: shared.id }, include: { _count: { select: { reports: true } } } });
    expect(rejected.status).toBe("REJECTED");
    expect(rejected._count.reports).toBeGreaterThan(reportsBefore);
    expect(rejected.lastSeenAt.getTime()).toBeGreaterThan(shared.lastSeenAt.getTime());
  });

  describe("a bad answer is an error with its reason, nothing is written, and the next run proceeds", () => {
    const cases: Array<[string, () => Promise<void> | void, RegExp, Partial<GdeltIngestOptions>?]> = [
      ["truncated", () => server.fault(SLOT, "truncated"), /bytes, the listing says \d+ \(truncated\)/],
      ["wrong MD5", () => server.fault(SLOT, "wrong-md5"), /has MD5 [0-9a-f]{32}, the listing says 0{32} \(corrupt\)/],
      ["an HTML page", () => server.fault(SLOT, "html"), /is not a zip: the server answered text\/html.*DOCTYPE/],
      ["not found", () => server.fault(SLOT, "not-found"), /HTTP 404/],
      ["over the download cap", () => undefined, /over the cap of 100/, { limits: { maxCompressedBytes: 100 } }],
      ["a zip that unpacks beyond its cap", () => undefined, /would unpack to \d+ bytes, over the cap of 1000/, { limits: { maxUncompressedBytes: 1000 } }],
      ["a wrong column count", () => server.setExport(SLOT, `${GOOD.trimEnd()}\n${GOOD.split("\n")[0]?.split("\t").slice(0, 57).join("\t")}`), /^line 99: 57 columns, an export row has 61$/],
      ["a bad SQLDATE", () => server.setExport(SLOT, GOOD.replace(/^(\d+)\t20150218/, "$1\t20150230")), /^line 1: SQLDATE "20150230" is not a YYYYMMDD date$/],
      ["bytes that are not UTF-8", () => server.setExport(SLOT, Buffer.concat([Buffer.from(GOOD.split("\n").slice(0, 3).join("\n") + "\n"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])])), /^line 4: not UTF-8 text$/],
    ];
    const SLOT = "20150219000000";
    const GOOD = renumbered(S0, 1_000_000_000n);

    it.each(cases)("%s", async (_name, breakIt, reason, options) => {
      await server.setExport(SLOT, GOOD);
      server.publish(SLOT);
      await breakIt();
      const before = await counts();
      const error: unknown = await run(options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GdeltFileError);
      expect(error instanceof Error ? error.message : "").toMatch(reason);
      expect(await counts()).toEqual(before);
      server.fault(SLOT, null);
      await server.setExport(SLOT, GOOD);
      expect(await run()).toMatchObject({ read: 98, kept: 64 });
      // Undo, so that the next case reads the slot afresh.
      await db.ingestFile.deleteMany({ where: { url: { endsWith: `${SLOT}.export.CSV.zip` } } });
    });
  });

  it("a server that cannot be reached is SourceUnreachableError, not a bad file", async () => {
    const closed = await startGdeltFixtureServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    expect(isSourceUnreachable(await run({ baseUrl }).catch((e: unknown) => e))).toBe(true);
    const slot = "20150219001500";
    await server.setExport(slot, renumbered(S1, 2_000_000_000n));
    server.publish(slot);
    server.fault(slot, "closed");
    expect(isSourceUnreachable(await run().catch((e: unknown) => e))).toBe(true);
    // Half the zip, then silence until the request's timeout.
    server.fault(slot, "slow");
    expect(isSourceUnreachable(await run({ limits: { timeoutMs: 500 } }).catch((e: unknown) => e))).toBe(true);
    server.fault(slot, null);
    expect(await run()).toMatchObject({ read: 69, kept: 33 });
  });

  it("a run killed mid-file loses nothing and duplicates nothing: the rerun stores the file once", async () => {
    const slot = "20150219003000";
    await server.setExport(slot, renumbered(S0, 3_000_000_000n));
    server.publish(slot);
    const before = await counts();

    // Killed during the download (half the zip sent, then nothing).
    server.fault(slot, "slow");
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("killed")), 300);
    await expect(run({ signal: controller.signal })).rejects.toThrow("killed");
    expect(await counts()).toEqual(before);
    server.fault(slot, null);

    // Killed inside the transaction, after the file row and the clusters, before the reports.
    const killAfterClusters = (step: string) => {
      if (step === "clusters") throw new Error("killed");
    };
    await expect(run({ afterStep: killAfterClusters })).rejects.toThrow("killed");
    expect(await counts()).toEqual(before);

    expect(await run()).toMatchObject({ read: 98, kept: 64 });
    const after = await counts();
    expect(after.files).toBe(before.files + 1);
    expect(after.reports).toBe(before.reports + 64);
    expect(await run()).toMatchObject({ read: 0, kept: 0 });
    expect(await counts()).toEqual(after);
  });

  it("backfills a range of days from masterfilelist.txt, skipping the files read before", async () => {
    const lines: string[] = [];
    const options = { db, baseUrl: server.baseUrl, countries: COUNTRIES, signal: new AbortController().signal, log: (l: string) => lines.push(l) };
    await db.ingestFile.deleteMany({ where: { url: { endsWith: `${S2}.export.CSV.zip` } } });
    const result = await backfillDays({ ...options, from: "2015-02-18", to: "2015-02-18" });
    expect(result.files.map((f) => f.slot.toISOString())).toEqual(["2015-02-18T23:30:00.000Z"]);
    expect(result.skipped).toBe(3);
    expect(lines.at(-1)).toBe("[1/1] 2015-02-18T23:30:00.000Z 45 rows read, 11 kept");
    expect((await backfillDays({ ...options, from: "2015-02-18", to: "2015-02-19" })).files).toEqual([]);
  });

  it("backfills a folder of local export files, zipped or not, once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gdelt-backfill-"));
    try {
      await writeFile(path.join(dir, "20150220000000.export.CSV"), renumbered(S0, 4_000_000_000n));
      await writeFile(path.join(dir, "20150220001500.export.CSV.zip"), await zipOf("20150220001500.export.CSV", Buffer.from(renumbered(S1, 4_000_000_000n))));
      await writeFile(path.join(dir, "notes.txt"), "not an export file");
      const options = { db, baseUrl: server.baseUrl, countries: COUNTRIES, signal: new AbortController().signal, dir };
      const before = await counts();
      const result = await backfillFolder(options);
      expect(result.files.map((f) => [f.url, f.read, f.kept])).toEqual([
        [`${server.baseUrl}/20150220000000.export.CSV.zip`, 98, 64],
        [`${server.baseUrl}/20150220001500.export.CSV.zip`, 69, 33],
      ]);
      expect((await counts()).reports).toBe(before.reports + 97);
      expect(await backfillFolder(options)).toEqual({ files: [], skipped: 2 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("runGdeltIngest, the job function, takes GDELT_BASE_URL and GDELT_COUNTRIES from the environment, then runs the auto-accept rules", async () => {
    const slot = "20150219010000";
    await server.setExport(slot, renumbered(S3, 5_000_000_000n));
    server.publish(slot);
    vi.stubEnv("GDELT_BASE_URL", `${server.baseUrl}/`);
    vi.stubEnv("GDELT_COUNTRIES", "fra, mar");
    vi.resetModules();
    try {
      const { runGdeltIngest } = await import("./job");
      const expected = await readExportText(renumbered(S3, 5_000_000_000n), { tracked: new Set(["FRA", "MAR"]) });
      expect(expected.candidates.length).toBeGreaterThan(0);
      // An enabled auto-accept rule for FRA–MAR publishes its pending clusters after the file.
      await db.autoAcceptRule.create({ data: { dyadId: await dyadId("FRA-MAR"), enabled: true, minSources: 1, minGoldstein: 0 } });
      expect(await runGdeltIngest({ signal: new AbortController().signal, db })).toEqual({ read: 78, kept: expected.candidates.length });
      const automated = await db.candidateCluster.findMany({ where: { automated: true }, select: { status: true, event: { select: { provenance: true } } } });
      expect(automated.length).toBeGreaterThan(0);
      expect(automated.every((c) => c.status === "ACCEPTED" && c.event?.provenance === "GDELT")).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
