// `npm run bench:ingest`: GDELT ingestion on a seeded throwaway embedded PostgreSQL, in one command:
//   1. end to end: one export file of real size (BENCH_GDELT_ROWS rows, real rows repeated under
//      new ids) served by the fixture server: listing, download, MD5, unzip, parse, store;
//   2. backfill parse-and-filter: unzip + parse + filter of the same file, rows/s;
//   3. accepted writes: its kept rows stored by the bulk path (storeExportFile) and, as the
//      baseline, row by row (one upsert and one insert per row, same transaction), rows/s.
// Median and p95 over BENCH_RUNS runs. Method and results: BENCHMARKS.md, "GDELT ingestion".
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { seedWith } from "../prisma/seed";
import { createThrowawayDatabase, startTestCluster } from "../scripts/db/throwaway";
import { createPrismaClient, type Db } from "../server/db-client";
import type { GdeltCandidate } from "../server/ingest/gdelt/candidate";
import { readExportRows } from "../server/ingest/gdelt/export-file";
import { ingestNewFiles } from "../server/ingest/gdelt/ingest";
import { storeExportFile } from "../server/ingest/gdelt/store";
import { unzippedChunks } from "../server/ingest/gdelt/unzip";
import { repeatedExportFile } from "../test/fixtures/gdelt";
import { startGdeltFixtureServer, zipOf } from "../test/support/gdelt-server";
import { resultsFile, summarize, type Timing } from "./stats";

const ROWS = Number(process.env.BENCH_GDELT_ROWS ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASELINE_ROWS = Number(process.env.BENCH_BASELINE_ROWS ?? 2_000);
const COUNTRIES = ["FRA", "DZA", "MAR", "TUN", "LBY", "MRT"];
const SLOT = "20150219120000";
const slotDate = new Date("2015-02-19T12:00:00Z");

const clearIngested = (db: Db) => db.$executeRaw`TRUNCATE "CandidateReport", "CandidateCluster", "IngestFile"`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** The baseline: the same transaction, one statement per cluster upsert and per report. */
async function storeRowByRow(db: Db, candidates: readonly GdeltCandidate[], url: string): Promise<void> {
  const dyads = new Map((await db.dyad.findMany({ select: { id: true, key: true } })).map((d) => [d.key, d.id]));
  await db.$transaction(
    async (tx) => {
      const file = await tx.ingestFile.create({ data: { url, slot: slotDate, size: 0, md5: "0".repeat(32), rowsRead: candidates.length, rowsKept: candidates.length } });
      for (const c of candidates) {
        const dyadId = dyads.get(c.dyadKey);
        if (!dyadId) continue;
        const key = { dyadId, day: new Date(c.day), rootCode: c.rootCode, actorCode: c.actorCode, targetCode: c.targetCode };
        const cluster = await tx.candidateCluster.upsert({ where: { dyadId_day_rootCode_actorCode_targetCode: key }, create: key, update: { lastSeenAt: new Date() }, select: { id: true } });
        await tx.candidateReport.createMany({
          data: [
            {
              globalEventId: c.globalEventId, clusterId: cluster.id, fileId: file.id, cameoCode: c.cameoCode, goldstein: c.gdeltGoldstein,
              numMentions: c.numMentions, numSources: c.numSources, numArticles: c.numArticles, avgTone: c.avgTone, sourceUrl: c.sourceUrl,
              placeName: c.placeName, placeLat: c.placeLat, placeLon: c.placeLon, dateAdded: c.dateAdded,
            },
          ],
          skipDuplicates: true,
        });
      }
    },
    { timeout: 600_000 },
  );
}

const row = (label: string, t: Timing, rows?: number) =>
  `| ${label} | ${t.medianMs.toFixed(0)} ms | ${t.p95Ms.toFixed(0)} ms | ${rows === undefined ? "" : Math.round(rows / (t.medianMs / 1000)).toLocaleString("en")} | ${t.runs} |`;

async function main() {
  const csv = repeatedExportFile(ROWS);
  const zip = await zipOf(`${SLOT}.export.CSV`, Buffer.from(csv));
  console.log(`${ROWS.toLocaleString("en")} rows, ${(csv.length / 2 ** 20).toFixed(1)} MiB unzipped, ${(zip.length / 2 ** 20).toFixed(2)} MiB zipped`);
  const server = await startGdeltFixtureServer();
  await server.setExport(SLOT, csv);
  server.publish(SLOT);
  const cluster = await startTestCluster();
  const database = await createThrowawayDatabase(cluster.url("postgres"), "bench_ingest");
  const db = createPrismaClient(database.url, { poolSize: 4 });
  const samples = { endToEnd: [] as number[], parse: [] as number[], bulk: [] as number[], rowByRow: [] as number[] };
  let kept: GdeltCandidate[] = [];
  try {
    await seedWith(db, false, () => undefined);
    const signal = new AbortController().signal;
    for (let run = 0; run < RUNS; run++) {
      await clearIngested(db);
      const [result, endToEndMs] = await timed(() => ingestNewFiles({ db, baseUrl: server.baseUrl, countries: COUNTRIES, signal }));
      if (result.read !== ROWS) throw new Error(`read ${result.read} rows, expected ${ROWS}`);

      const [parsed, parseMs] = await timed(() => readExportRows(unzippedChunks(zip, { maxUncompressedBytes: 1 << 30 }), { tracked: new Set(COUNTRIES), signal }));
      kept = parsed.candidates;

      await clearIngested(db);
      const [, bulkMs] = await timed(() => storeExportFile({ db, file: { url: `bench:bulk:${run}`, slot: slotDate, size: 0, md5: "0".repeat(32) }, read: parsed.read, candidates: kept }));
      await clearIngested(db);
      const [, rowMs] = await timed(() => storeRowByRow(db, kept.slice(0, BASELINE_ROWS), `bench:rows:${run}`));

      samples.endToEnd.push(endToEndMs);
      samples.parse.push(parseMs);
      samples.bulk.push(bulkMs);
      samples.rowByRow.push(rowMs);
      console.log(`run ${run + 1}: end to end ${endToEndMs.toFixed(0)} ms, parse+filter ${parseMs.toFixed(0)} ms, bulk store ${bulkMs.toFixed(0)} ms (${kept.length} rows), row by row ${rowMs.toFixed(0)} ms (${Math.min(BASELINE_ROWS, kept.length)} rows)`);
    }
  } finally {
    await db.$disconnect();
    await database.dispose();
    await cluster.stop();
    await server.close();
  }
  const results = { endToEnd: summarize(samples.endToEnd), parse: summarize(samples.parse), bulk: summarize(samples.bulk), rowByRow: summarize(samples.rowByRow) };
  console.log("\n| step | median | p95 | rows/s (median) | runs |\n|---|---|---|---|---|");
  console.log(row(`one export file end to end (${ROWS.toLocaleString("en")} rows, ${kept.length.toLocaleString("en")} kept)`, results.endToEnd, ROWS));
  console.log(row("backfill parse-and-filter (unzip, parse, filter)", results.parse, ROWS));
  console.log(row(`accepted writes, bulk (${kept.length.toLocaleString("en")} rows)`, results.bulk, kept.length));
  console.log(row(`accepted writes, row by row baseline (${Math.min(BASELINE_ROWS, kept.length).toLocaleString("en")} rows)`, results.rowByRow, Math.min(BASELINE_ROWS, kept.length)));
  const file = resultsFile("ingest");
  await writeFile(file, `${JSON.stringify({ rows: ROWS, kept: kept.length, baselineRows: Math.min(BASELINE_ROWS, kept.length), zipBytes: zip.length, loadAverage: loadavg(), results }, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
