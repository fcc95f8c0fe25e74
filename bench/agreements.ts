// `npm run bench:agreements`: the agreements feed on 100k synthetic agreements, each number
// beside a baseline measured in the same run. A throwaway embedded PostgreSQL, deleted after.
// Method and results: BENCHMARKS.md, "Agreements feed".
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createThrowawayDatabase, startTestCluster } from "../scripts/db/throwaway";
import { seedWith } from "../prisma/seed";
import { createPrismaClient, type Db } from "../server/db-client";
import { NO_TIME_LIMITS } from "../server/db-limits";
import { exportAgreements } from "../server/agreements/exports";
import { sectorsInUse } from "../server/agreements/service";
import { createFeedToken } from "../server/feed-tokens/service";
import { createCaller } from "../server/root";
import { createContextInner } from "../server/trpc";
import { generateAgreements } from "./synthetic-agreements";

const COUNT = Number(process.env.BENCH_AGREEMENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;
const SEARCH = "security action plan";

interface Stats {
  median: number;
  p95: number;
  runs: number;
}

async function measure(run: () => Promise<unknown>, runs = RUNS): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), runs };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function row(label: string, stats: Stats, baseline: Stats, baselineLabel: string): string {
  const speedup = (baseline.p95 / stats.p95).toFixed(1);
  const runs = baseline.runs === stats.runs ? "" : ` (${baseline.runs} runs)`;
  return `| ${label} | ${ms(stats.median)} | ${ms(stats.p95)} | ${baselineLabel}${runs} | ${ms(baseline.median)} | ${ms(baseline.p95)} | ${speedup}× |`;
}

/** Runs `during` with an index dropped (and the planner's statistics refreshed), then puts it back. */
async function withoutIndex<T>(db: Db, name: string, create: string, during: () => Promise<T>): Promise<T> {
  await db.$executeRawUnsafe(`DROP INDEX "${name}"`);
  await db.$executeRawUnsafe(`ANALYZE "Agreement"`);
  try {
    return await during();
  } finally {
    await db.$executeRawUnsafe(create);
    await db.$executeRawUnsafe(`ANALYZE "Agreement"`);
  }
}

/** What a search would cost without full text: every word somewhere in the title, summary, a party or a signatory. */
function ilikeSearch(db: Db, words: string[]) {
  const clauses = words.map(
    (w) => `(a.title ILIKE '%${w}%' OR a.summary ILIKE '%${w}%'
      OR EXISTS (SELECT 1 FROM "AgreementParty" p WHERE p."agreementId" = a.id AND p.name ILIKE '%${w}%')
      OR EXISTS (SELECT 1 FROM "Signatory" s WHERE s."agreementId" = a.id AND (s.name ILIKE '%${w}%' OR s.role ILIKE '%${w}%')))`,
  );
  return db.$queryRawUnsafe(
    `SELECT a.id FROM "Agreement" a WHERE a."archivedAt" IS NULL AND ${clauses.join(" AND ")}
     ORDER BY a.date DESC NULLS LAST, a.id DESC LIMIT 21`,
  );
}

/** RSS once garbage is collected and the freed pages have gone back to the system. */
async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    await sleep(200);
  }
  return process.memoryUsage.rss();
}

/** Reads a whole response body, sampling RSS as it goes; returns bytes, seconds and peak RSS. */
async function drain(response: Response): Promise<{ bytes: number; seconds: number; peakRss: number }> {
  const started = performance.now();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  let bytes = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.byteLength;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  clearInterval(sampler);
  return { bytes, seconds: (performance.now() - started) / 1000, peakRss };
}

async function main(): Promise<void> {
  console.log(`Starting a throwaway PostgreSQL; generating ${COUNT.toLocaleString("en")} agreements…`);
  const cluster = await startTestCluster();
  const database = await createThrowawayDatabase(cluster.url("postgres"), "maghreb_bench");
  const db = createPrismaClient(database.url, { poolSize: 4, limits: NO_TIME_LIMITS });
  try {
    await seedWith(db, false, () => undefined);
    const generateStarted = performance.now();
    const generated = await generateAgreements({ db, count: COUNT });
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Agreement"`);
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    console.log(
      `Generated ${generated.agreements} agreements, ${generated.parties} parties, ${generated.signatories} signatories in ${generateSeconds.toFixed(0)} s (search vectors kept by the triggers).`,
    );

    // The feed is for signed-in readers: procedures refuse a context without a user.
    const api = createCaller(createContextInner({ db, user: { id: "bench-reader", name: "Bench reader", email: "reader@bench.local", role: "analyst" } }));
    const firstPage = () => api.agreements.list({ limit: 20 });
    const search = () => api.agreements.list({ filters: { q: SEARCH }, limit: 20 });
    const filtered = () => api.agreements.list({ filters: { sectors: ["rail"], statuses: ["IN_FORCE"], from: "2015-01-01" }, limit: 20 });
    const [matches] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Agreement" WHERE "searchVector" @@ websearch_to_tsquery('english', ${SEARCH})`;

    // A page deep in the list: the keyset makes it cost what the first does.
    let deepCursor: string | null = null;
    for (let page = 0; page < 50; page++) deepCursor = (await api.agreements.list({ limit: 50, cursor: deepCursor })).nextCursor;
    const deepPage = () => api.agreements.list({ limit: 20, cursor: deepCursor });

    console.log("Measuring (warm-up, then timed runs)…");
    const results = {
      firstPage: await measure(firstPage),
      deepPage: await measure(deepPage),
      filtered: await measure(filtered),
      search: await measure(search),
      sectors: await measure(() => api.agreements.sectors()),
      sectorsUncached: await measure(() => sectorsInUse({ db })),
    };
    const baselines = {
      firstPage: await withoutIndex(db, "Agreement_date_id_idx", `CREATE INDEX "Agreement_date_id_idx" ON "Agreement"("date", "id")`, () => measure(firstPage)),
      search: await withoutIndex(db, "Agreement_searchVector_idx", `CREATE INDEX "Agreement_searchVector_idx" ON "Agreement" USING GIN ("searchVector")`, () => measure(search)),
      // A second or more per run: fewer runs, enough to show the order of magnitude.
      ilike: await measure(() => ilikeSearch(db, SEARCH.split(" ")), 50),
    };

    const user = await db.user.create({ data: { name: "Bench", email: "bench@example.com" }, select: { id: true } });
    const { token } = await createFeedToken({ db, userId: user.id, name: "bench" });
    const csvExport = async (query: string) => {
      const rssBefore = await settledRss();
      const request = new Request(`http://bench.local/api/exports/agreements.csv?token=${token}${query}`);
      const result = await drain(await exportAgreements({ db, request, format: "csv" }));
      return { ...result, rssDelta: result.peakRss - rssBefore };
    };
    // A tenth and a half of the rows first: if memory held the rows, the peaks would grow with them.
    const subsets = [];
    for (const from of ["2023-06-01", "2013-01-01"]) {
      const [rows] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Agreement" WHERE date >= ${from}::date`;
      subsets.push({ from, rows: rows?.n ?? 0, ...(await csvExport(`&from=${from}`)) });
    }
    const csv = await csvExport("");

    // Baseline: the same rows loaded at once, as a non-streaming export would.
    const rssBeforeBuffered = await settledRss();
    const bufferedStarted = performance.now();
    let bufferedPeak = rssBeforeBuffered;
    const sampler = setInterval(() => (bufferedPeak = Math.max(bufferedPeak, process.memoryUsage.rss())), 20);
    const everything = await db.agreement.findMany({
      where: { archivedAt: null },
      orderBy: [{ date: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      include: { parties: true, signatories: true, amounts: true, sources: true, dyad: true },
    });
    const bufferedBytes = JSON.stringify(everything).length;
    clearInterval(sampler);
    bufferedPeak = Math.max(bufferedPeak, process.memoryUsage.rss());
    const bufferedSeconds = (performance.now() - bufferedStarted) / 1000;

    console.log(`\nAgreements: ${COUNT.toLocaleString("en")}; "${SEARCH}" matches ${matches?.n ?? "?"}; ${RUNS} timed runs after ${WARMUP} warm-up runs.\n`);
    console.log("| query (tRPC caller) | median | p95 | baseline | baseline median | baseline p95 | p95 gain |");
    console.log("|---|---|---|---|---|---|---|");
    console.log(row("first page (20, newest first)", results.firstPage, baselines.firstPage, "same, without the (date, id) index"));
    console.log(row(`full text "${SEARCH}" (20, ranked)`, results.search, baselines.search, "same, without the GIN index"));
    console.log(row(`full text "${SEARCH}" (20, ranked)`, results.search, baselines.ilike, "ILIKE on title, summary, parties, signatories (raw SQL, unranked)"));
    console.log(`| page 51 by cursor (rows 2,501–2,520) | ${ms(results.deepPage.median)} | ${ms(results.deepPage.p95)} | | | | |`);
    console.log(`| sector rail + in force + since 2015 (20) | ${ms(results.filtered.median)} | ${ms(results.filtered.p95)} | | | | |`);
    console.log(row("sectors in use (filter bar options, cached 60 s)", results.sectors, results.sectorsUncached, "the same query uncached"));
    console.log(
      `\nCSV export of ${COUNT.toLocaleString("en")} rows (streamed): ${csv.seconds.toFixed(1)} s, ${mib(csv.bytes)}, peak RSS +${mib(csv.rssDelta)}.`,
    );
    for (const subset of subsets) {
      console.log(
        `CSV export of ${subset.rows.toLocaleString("en")} rows (from ${subset.from}): ${subset.seconds.toFixed(1)} s, ${mib(subset.bytes)}, peak RSS +${mib(subset.rssDelta)}.`,
      );
    }
    console.log(
      `Baseline, all rows loaded at once (findMany + JSON.stringify, ${mib(bufferedBytes)}): ${bufferedSeconds.toFixed(1)} s, peak RSS +${mib(bufferedPeak - rssBeforeBuffered)}.`,
    );
    console.log(`Generation: ${generateSeconds.toFixed(0)} s.`);
  } finally {
    await db.$disconnect();
    await database.dispose();
    await cluster.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
