// Benchmark of the relations index at scale (issue 4): a synthetic history of 1M events over
// 20 years and 30 dyads, on a throwaway embedded PostgreSQL. Measures, warm, with median and p95:
//   - relations.summary (all 30 dyads) and a 3-year daily relations.series, through tRPC's
//     server caller and over HTTP against the production server; the dyad page's reads together;
//   - the baseline they replace: the same summary computed from raw events (no rollup);
//   - the dyad page's reads with and without the plausible range, in alternating pairs (its cost);
//   - a full rollup rebuild, and one event write with its rollup refresh 10 years back.
// Run: npm run bench:relations [-- --events 1000000 --skip-http --range-pairs 300 --runs 200]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { createThrowawayDatabase, startTestCluster } from "../scripts/db/throwaway";
import { ensureDemoAccounts } from "../prisma/seed";
import { DEMO_PASSWORD } from "../prisma/seed/demo";
import { createPrismaClient } from "../server/db-client";
import { NO_TIME_LIMITS } from "../server/db-limits";
import { fromDay, toDay } from "../server/method/day";
import { summarize } from "../test/support/index-reference";
import { liveConditions, rebuildRollups, refreshRollup } from "../server/relations/rollup";
import { createCaller } from "../server/root";
import { createContextInner } from "../server/trpc";
import { serveArgs } from "../scripts/serve-args";
import type { Db } from "../server/db-client";
import { dataStart, dyadDrivers, dyadSeries, dyadSummaries } from "../server/relations/service";
import { fmt, resultsFile, summarize as timingOf, time, type Timing } from "./stats";
import { generateEvents } from "./synthetic-events";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg("events", 1_000_000);
const DYADS = 30;
const YEARS = 20;
const skipHttp = process.argv.includes("--skip-http");
/** Timed calls of each read, server caller and HTTP alike (fewer in the smoke step of `npm test`). */
const TIMED = { runs: arg("runs", 200), warmup: Math.min(20, arg("runs", 200)) };
/** Timed pairs of dyad-page reads, with and without the plausible range. */
const RANGE_PAIRS = arg("range-pairs", 300);

const log = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  const cluster = await startTestCluster();
  const database = await createThrowawayDatabase(cluster.url("postgres"), "bench_relations");
  const db = createPrismaClient(database.url, { poolSize: 10, limits: NO_TIME_LIMITS });
  const results: Record<string, Timing | number | string> = {};
  try {
    const today = toDay(new Date());
    const firstDay = today - YEARS * 365;
    log(`generating ${EVENTS.toLocaleString()} events over ${YEARS} years and ${DYADS} dyads…`);
    let started = performance.now();
    await generateEvents({ db, events: EVENTS, extraDyads: DYADS, firstDay, years: YEARS });
    await db.$executeRaw`
      INSERT INTO "Condition" (id, "dyadId", kind, points, title, "startDate", "endDate", verification, "updatedAt")
      SELECT 'cond' || i, 'dyad' || (i % ${DYADS}), 'VISA_REGIME', -5, 'Synthetic condition ' || i,
             ${dayToIso(firstDay)}::date + (i * 97) % 5000, CASE WHEN i % 2 = 0 THEN ${dayToIso(firstDay)}::date + (i * 97) % 5000 + 400 END,
             'CONFIRMED', now()
      FROM generate_series(1, ${DYADS * 3}) i`;
    await db.$executeRaw`ANALYZE`;
    results.generateSeconds = (performance.now() - started) / 1000;
    log(`generated in ${(results.generateSeconds as number).toFixed(1)} s`);

    started = performance.now();
    await rebuildRollups({ db, today });
    results.rebuildSeconds = (performance.now() - started) / 1000;
    const [{ rows, days } = { rows: 0, days: 0 }] = await db.$queryRaw<{ rows: number; days: number }[]>`
      SELECT count(*)::int AS rows, count(*) FILTER (WHERE "eventCount" > 0)::int AS days FROM "DyadDay"`;
    results.rollupRows = rows;
    results.daysWithEvents = days;
    log(`full rollup rebuild: ${(results.rebuildSeconds as number).toFixed(1)} s for ${rows.toLocaleString()} rows (${days.toLocaleString()} with events)`);

    // Reading needs a signed-in user; the server caller takes one directly, as pages do after the session check.
    const api = createCaller(createContextInner({ db, user: { id: "bench", name: "Bench", email: "bench@example.com", role: "analyst" } }));
    const threeYears = { from: fromDay(today - 3 * 365), to: fromDay(today) };
    results.summaryCaller = await time(() => api.relations.summary(), TIMED);
    log(`relations.summary (${DYADS} dyads), server caller: ${fmt(results.summaryCaller as Timing)}`);
    results.seriesCaller = await time(() => api.relations.series({ dyads: ["AAX-ABX"], ...threeYears }), TIMED);
    log(`relations.series (1 dyad, 3 years daily), server caller: ${fmt(results.seriesCaller as Timing)}`);
    // The dyad page's reads, in the page's order: every card's summary, the extent, then the chart and the drivers at once.
    results.dyadPageCaller = await time(async () => {
      await api.relations.summary();
      await api.relations.extent({ dyads: ["AAX-ABX"] });
      await Promise.all([api.relations.series({ dyads: ["AAX-ABX"], ...threeYears }), api.relations.drivers({ dyad: "AAX-ABX" })]);
    }, TIMED);
    log(`dyad page reads (summary, extent, series 3 years daily, drivers), server caller: ${fmt(results.dyadPageCaller as Timing)}`);
    Object.assign(results, await rangeCost({ db, today, threeYears }));

    // Baseline: what a summary costs without the rollup — every live event of every dyad, then summarize().
    const dyads = await db.dyad.findMany({ select: { id: true } });
    results.summaryBaseline = await time(
      async () => {
        for (const { id } of dyads) {
          const events = await db.event.findMany({ where: { dyadId: id, archivedAt: null }, select: { id: true, placementDate: true, score: true } });
          summarize({ events: events.map((e) => ({ id: e.id, day: toDay(e.placementDate), score: e.score })), conditions: await liveConditions(db, id), today });
        }
      },
      { runs: 5, warmup: 1 },
    );
    log(`baseline summary from raw events (${DYADS} dyads): ${fmt(results.summaryBaseline as Timing)}`);
    results.summarySpeedup = (results.summaryBaseline as Timing).medianMs / (results.summaryCaller as Timing).medianMs;
    log(`rollup summary is ${(results.summarySpeedup as number).toFixed(0)}× faster than the baseline (medians)`);

    let n = 0;
    results.writeTenYearsBack = await time(
      () =>
        db.$transaction(async (tx) => {
          const day = today - 3650 + (n++ % 300);
          await tx.event.create({
            data: {
              title: "bench write", date: new Date(fromDay(day)), placementDate: new Date(fromDay(day)), dyadId: "dyad1",
              actorCode: "AAX", targetCode: "ACX", cameoCode: "042", level: "MINISTER", verification: "CONFIRMED", score: 1.9, methodVersion: "1.0.0",
            },
          });
          await refreshRollup({ db: tx, dyadId: "dyad1", changedDay: day, today });
        }),
      { runs: 30, warmup: 3 },
    );
    log(`event write + rollup refresh 10 years back: ${fmt(results.writeTenYearsBack as Timing)}`);

    if (!skipHttp) {
      await ensureDemoAccounts(db);
      Object.assign(results, await overHttp(database.url, threeYears));
    }
  } finally {
    await db.$disconnect();
    await database.dispose();
    await cluster.stop();
  }
  const machine = `${os.cpus()[0]?.model ?? "?"} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
  const file = resultsFile(`relations${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : ""}`);
  writeFileSync(file, JSON.stringify({ machine, events: EVENTS, dyads: DYADS, years: YEARS, results }, null, 2));
  log(`machine: ${machine}`);
  log(`results written to ${file}`);
}

/**
 * What the plausible range costs the dyad page (issue 19: p95 unchanged within 10 %): the page's
 * reads with the range and without it (its columns not read, no driver range), in pairs whose
 * order alternates, so the machine's load falls on both arms alike.
 */
async function rangeCost({ db, today, threeYears }: { db: Db; today: number; threeYears: { from: string; to: string } }) {
  const page = (withRange: boolean) => async () => {
    const started = performance.now();
    await dyadSummaries({ db, now: today, withRange });
    await dataStart({ db, keys: ["AAX-ABX"] });
    await Promise.all([
      dyadSeries({ db, now: today, keys: ["AAX-ABX"], from: toDay(threeYears.from), to: toDay(threeYears.to), granularity: "daily", withRange }),
      dyadDrivers({ db, now: today, key: "AAX-ABX", withRange }),
    ]);
    return performance.now() - started;
  };
  const [withRange, without] = [page(true), page(false)];
  for (let i = 0; i < 20; i++) {
    await withRange();
    await without();
  }
  const samples = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < RANGE_PAIRS; i++) {
    if (i % 2 === 0) {
      samples.with.push(await withRange());
      samples.without.push(await without());
    } else {
      samples.without.push(await without());
      samples.with.push(await withRange());
    }
  }
  const dyadPageWithRange = timingOf(samples.with);
  const dyadPageWithoutRange = timingOf(samples.without);
  const rangeP95Ratio = dyadPageWithRange.p95Ms / dyadPageWithoutRange.p95Ms;
  log(`dyad page reads with the plausible range: ${fmt(dyadPageWithRange)}`);
  log(`dyad page reads without it (baseline): ${fmt(dyadPageWithoutRange)}`);
  log(`range cost: p95 ×${rangeP95Ratio.toFixed(3)}, median ×${(dyadPageWithRange.medianMs / dyadPageWithoutRange.medianMs).toFixed(3)} (target p95 ≤ ×1.10: ${rangeP95Ratio <= 1.1 ? "met" : "missed"})`);
  return { dyadPageWithRange, dyadPageWithoutRange, rangeP95Ratio };
}

function dayToIso(day: number): string {
  return fromDay(day);
}

/** The same two reads over HTTP against the app's web server on loopback. */
async function overHttp(databaseUrl: string, range: { from: string; to: string }) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("Build first (npm run build), or pass --skip-http");
  const port = 3390;
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, serveArgs({ hostname: "127.0.0.1", port }), {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64"),
      APP_URL: origin,
    },
    stdio: "ignore",
  });
  try {
    const base = `${origin}/api/trpc`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // An analyst's session, as a browser would hold it: every tRPC procedure needs one.
    const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ email: "analyst@example.com", password: DEMO_PASSWORD }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const get = (path: string, input: unknown) => async () => {
      const response = await fetch(`${base}/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await response.arrayBuffer();
    };
    const summaryHttp = await time(get("relations.summary", {}), TIMED);
    log(`relations.summary over HTTP: ${fmt(summaryHttp)}`);
    const seriesHttp = await time(get("relations.series", { dyads: ["AAX-ABX"], ...range, granularity: "daily" }), TIMED);
    log(`relations.series (3 years daily) over HTTP: ${fmt(seriesHttp)}`);
    return { summaryHttp, seriesHttp };
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
