// `npm run bench:import`: a 10,000-row CSV imported into a seeded throwaway embedded PostgreSQL —
// parse, dry run, the import (one transaction with audit and index refresh), then the same file
// again (nothing to write). Each run imports the file twice, each time into a fresh database:
// through the previous path (Prisma's createMany, the baseline) and the bulk one (unnest), so one
// command gives both and their ratio. Method and results: BENCHMARKS.md, "CSV import".
// BENCH_IMPORT_ROWS and BENCH_RUNS shrink it (npm test runs it at a few rows as a smoke step).
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { stringify } from "csv-stringify/sync";
import { seedWith } from "../prisma/seed";
import { trackedDyads } from "../prisma/seed/data/dyads";
import { createThrowawayDatabase, startTestCluster } from "../scripts/db/throwaway";
import { createPrismaClient } from "../server/db-client";
import { parseImportCsv } from "../server/import/csv";
import { planImport } from "../server/import/plan";
import { runImport } from "../server/import/write";
import type { BulkPath } from "../server/records/pipeline";
import { fromDay, toDay } from "../server/method/day";
import { CAMEO_OPTIONS } from "../server/method/goldstein";
import { LEVELS, VERIFICATIONS } from "../server/method/params";
import { resultsFile, summarize, type Timing } from "./stats";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Deterministic rows over the tracked dyads, 2021 to yesterday, one source each. */
function syntheticCsv(rows: number, today: number): string {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const first = toDay("2021-01-01");
  const records = Array.from({ length: rows }, (_, i) => {
    const [a, b] = pick(trackedDyads).split("-") as [string, string];
    const [actor, target] = next() < 0.5 ? [a, b] : [b, a];
    return {
      external_id: `bench-${i}`,
      title: `Synthetic event ${i}`,
      date: fromDay(first + Math.floor(next() * (today - first))),
      date_precision: "DAY",
      dyad: `${a}-${b}`,
      actor,
      target,
      cameo_code: pick(CAMEO_OPTIONS).code,
      level: pick(LEVELS),
      verification: pick(VERIFICATIONS),
      source_1_publisher: "Bench Wire",
      source_1_title: `Report ${i}`,
      source_1_url: `https://example.org/bench/${i}`,
    };
  });
  return stringify(records, { header: true });
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const line = (label: string, t: Timing) => `| ${label} | ${(t.medianMs / 1000).toFixed(2)} s | ${(t.p95Ms / 1000).toFixed(2)} s | ${(t.minMs / 1000).toFixed(2)} s | ${t.runs} |`;

const PATHS: readonly BulkPath[] = ["createMany", "unnest"];

async function main() {
  const today = toDay(new Date());
  const csv = syntheticCsv(ROWS, today);
  console.log(`${ROWS.toLocaleString("en")} rows, ${(Buffer.byteLength(csv) / 2 ** 20).toFixed(2)} MiB, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const cluster = await startTestCluster();
  const samples = { parse: [] as number[], dryRun: [] as number[], again: [] as number[], createMany: [] as number[], unnest: [] as number[] };
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const path of PATHS) {
        const database = await createThrowawayDatabase(cluster.url("postgres"), `bench_import_${run}_${path.toLowerCase()}`);
        const db = createPrismaClient(database.url, { poolSize: 4 });
        try {
          await seedWith(db, true, () => undefined);
          const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" }, select: { id: true } });
          const [parsed, parseMs] = await timed(() => parseImportCsv(csv));
          if (!parsed.ok) throw new Error(parsed.problems.join(" "));
          const [plan, dryRunMs] = await timed(() => planImport({ db, rows: parsed.rows, today }));
          if (plan.counts.new !== ROWS) throw new Error(`expected ${ROWS} new rows, got ${JSON.stringify(plan.counts)}`);
          const [done, importMs] = await timed(() => runImport({ db, actorId: admin.id, plan, today, path }));
          if (done.created !== ROWS || (await db.auditLog.count({ where: { action: "IMPORT" } })) !== ROWS) throw new Error(`${path}: not every row was written and audited`);
          samples[path].push(importMs);
          if (path !== "unnest") {
            console.log(`run ${run + 1}: import through ${path} ${importMs.toFixed(0)} ms`);
            continue;
          }
          // The same file again: parse, dry run and an import with nothing to write.
          const [again, againMs] = await timed(async () => {
            const reparsed = parseImportCsv(csv);
            if (!reparsed.ok) throw new Error("reparse");
            const replan = await planImport({ db, rows: reparsed.rows, today });
            return runImport({ db, actorId: admin.id, plan: replan, today });
          });
          if (again.created + again.updated !== 0) throw new Error("the re-import wrote something");
          samples.parse.push(parseMs);
          samples.dryRun.push(dryRunMs);
          samples.again.push(againMs);
          console.log(`run ${run + 1}: parse ${parseMs.toFixed(0)} ms, dry run ${dryRunMs.toFixed(0)} ms, import through unnest ${importMs.toFixed(0)} ms, re-import ${againMs.toFixed(0)} ms`);
        } finally {
          await db.$disconnect();
          await database.dispose();
        }
      }
    }
  } finally {
    await cluster.stop();
  }
  const results = {
    parse: summarize(samples.parse),
    dryRun: summarize(samples.dryRun),
    importBaseline: summarize(samples.createMany),
    importRun: summarize(samples.unnest),
    reimport: summarize(samples.again),
  };
  const ratio = results.importBaseline.medianMs / results.importRun.medianMs;
  console.log("\n| step | median | p95 | best | runs |\n|---|---|---|---|---|");
  console.log(line("parse (csv-parse)", results.parse));
  console.log(line("dry run (validate + look up)", results.dryRun));
  console.log(line("import, baseline: Prisma createMany (events, sources, audit, index)", results.importBaseline));
  console.log(line("import, bulk: INSERT … SELECT FROM unnest (events, sources, audit, index)", results.importRun));
  console.log(line("re-import of the same file (parse + dry run + no-op)", results.reimport));
  console.log(`\nimport median: ${ratio.toFixed(1)}× faster by unnest`);
  const file = resultsFile("import");
  await writeFile(file, `${JSON.stringify({ rows: ROWS, bytes: Buffer.byteLength(csv), loadAverage: loadavg(), results, ratio }, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
