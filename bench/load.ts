// `npm run bench:load` (and `npm run bench:soak`, the same for 10 minutes): the production server
// on loopback under 100 signed-in analysts doing a realistic mix (bench/load/mix.ts) over a large
// synthetic data set, plus one admin recording an event every second. Reports per route the
// requests, throughput, median, p95, p99, non-2xx and errors, against a baseline of the same
// routes one request at a time (with the server's CPU time per request there); samples the server's memory and the database's connections
// every 10 s; checks every acknowledged write is in the database. Results: bench/results/load-*.json.
// Run: npm run bench:load [-- --duration 60 --warmup 15 --quiet-wait 180 --rate 0.2 --events 300000 --agreements 100000 --instances 2 --write-every 1000 --alone 50 --keep-data --cpu-prof]
import { writeFileSync } from "node:fs";
import os from "node:os";
import { Client } from "pg";
import { DEMO_PASSWORD } from "../prisma/seed/demo";
import { createThrowawayDatabase, startTestCluster } from "../scripts/db/throwaway";
import { createPrismaClient } from "../server/db-client";
import { NO_TIME_LIMITS } from "../server/db-limits";
import { toDay } from "../server/method/day";
import { noWriter, startAdminWriter } from "./load/admin-writer";
import { runAnalysts } from "./load/analysts";
import { ensureBuilt, signIn, sleep, startAppServer, treeRssMiB, type AppServer } from "./load/app-server";
import { buildLoadData, LOAD_PASSWORD, type LoadData } from "./load/data";
import { keptLoadDatabase } from "./load/kept-data";
import { feedCursors, loadMix, type LoadRoute } from "./load/mix";
import { observeClient, observeDatabase, observeMachine, summarizeInstances, waitForQuietMachine, type ClientObservation, type InstanceObservation, type QuietWait } from "./load/observe";
import { resultsFile, summarize, type Timing } from "./stats";

// The last of a repeated option wins: `npm run bench:soak -- --duration 5` overrides the script's 600.
const arg = (name: string, fallback: number) => {
  const i = process.argv.lastIndexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION_S = arg("duration", 60);
/**
 * Seconds of the same load before the measured ones, unmeasured: the analysts' first requests
 * arrive together over their first think time (half again the offered rate), on a server and a
 * database copy that have served nothing but the baseline. A run without it measured those
 * first seconds as the p95 of the whole minute (BENCHMARKS.md, "Warm-up").
 */
const WARMUP_S = arg("warmup", 15);
const ANALYSTS = arg("analysts", 100);
/**
 * Requests per second each analyst sends, think time included: 0.2 is a page and its four API
 * calls every 25 s, a brisk reading pace. Raise it to find the server's capacity.
 */
const RATE = arg("rate", 0.2);
/** The admin's pace, in ms between events; 0 leaves the admin out (what the reads cost without writes). */
const WRITE_EVERY_MS = arg("write-every", 1_000);
if (!(WRITE_EVERY_MS >= 0)) throw new Error(`--write-every takes milliseconds (0: no admin); got ${process.argv[process.argv.lastIndexOf("--write-every") + 1]}`);
/**
 * Before each load phase, wait at most this many seconds for a quiet machine (cores under 15 %
 * busy over 5 s): what the phase before it, the data's copy or another program left running
 * would otherwise be measured as the server's slowness. 0 starts at once (the smoke step).
 */
const QUIET_WAIT_S = arg("quiet-wait", 180);
const QUIET = { maxBusyShare: 0.15, windowS: 5 };
const EVENTS = arg("events", 300_000);
const AGREEMENTS = arg("agreements", 100_000);
const PORT = arg("port", Number(process.env.PORT ?? 3393));
/** Each instance's database pool (DATABASE_POOL_SIZE), as `npm start` sizes it unless told otherwise. */
const POOL_SIZE = arg("pool", 10);
/**
 * Server processes behind one port (`npm start -- --instances N`). A list (`--instances 1,2`)
 * measures each in turn on the same data and server build, and prints them side by side.
 */
const INSTANCE_COUNTS = (() => {
  const i = process.argv.lastIndexOf("--instances");
  const counts = (i > 0 ? (process.argv[i + 1] ?? "") : "1").split(",").map(Number);
  if (!counts.every((n) => Number.isInteger(n) && n >= 1)) throw new Error(`--instances takes whole numbers, e.g. 1 or 1,2; got ${process.argv[i + 1]}`);
  return counts;
})();
/** Better Auth's own client keeps a pool of 3 beside the app's (server/db-client.ts). */
const AUTH_POOL_SIZE = 3;
/** Each instance's connections: its pool, Better Auth's, and the one that listens for changes (server/shared/change-feed.ts). */
const connectionLimit = (instances: number) => instances * (POOL_SIZE + AUTH_POOL_SIZE + 1);
const TARGETS = { apiP95Ms: 100, pageP95Ms: 300, rssMiB: 600 };
const log = (line: string) => console.log(`[load] ${line}`);
/** Keep the generated data between runs (bench/load/kept-data.ts): iterations skip the minutes of generation. */
const KEEP_DATA = process.argv.includes("--keep-data");
/** Write V8 CPU profiles of the server to bench/results/cpu-prof/ (open them in Chrome DevTools or speedscope). */
const CPU_PROFILE = process.argv.includes("--cpu-prof");
/** More Node flags for the server, e.g. `--server-flags "--trace-gc --max-semi-space-size=64"`. */
const SERVER_FLAGS = (() => {
  const i = process.argv.lastIndexOf("--server-flags");
  return i > 0 ? (process.argv[i + 1] ?? "").split(/\s+/).filter(Boolean) : [];
})();

interface RouteResult {
  name: string;
  kind: LoadRoute["kind"];
  requests: number;
  perSecond: number;
  latency: Timing;
  /** Answers other than 200 (a redirect to /login would mean a lost session). */
  non2xx: number;
  /** Network failures and requests over the 10 s timeout. */
  errors: number;
  statuses: Record<string, number>;
  /** The route alone, one request at a time; with the server's CPU time per request (all its processes). */
  baseline: AloneTiming;
}

type AloneTiming = Timing & { serverCpuMs: number };

/**
 * Requests timed per route alone: 50 are enough that the server's CPU time, read in 10 ms ticks, is
 * known to a few per cent; `--alone N` takes fewer (the smoke step of `npm test`, which only checks
 * that the benchmark runs to its end).
 */
const ALONE_TIMED = arg("alone", 50);

interface Sample {
  second: number;
  rssMiB: number;
  /** Each instance's own share of it (with several, the rest is the primary, which holds the front). */
  instancesMiB: number[];
  connections: number;
  /** The server's CPU use since the previous sample, in cores (1 = one core busy all the time). */
  cpuCores: number;
  /** PostgreSQL's parallel query workers at that moment (helpers of a running query, not connections). */
  parallelWorkers: number;
  /** Each connection's start and state when there were more than the pools allow, to tell churn from a leak. */
  backends?: { pid: number; started: string; state: string | null; port: number | null }[];
}

/** The same routes one request at a time: what each costs with nobody else on the server. */
async function baseline(server: AppServer, cookie: string, routes: LoadRoute[]): Promise<Map<string, AloneTiming>> {
  const timings = new Map<string, AloneTiming>();
  for (const route of routes) {
    const samples: number[] = [];
    let cpuFrom = 0;
    for (let i = 0; i < 5 + ALONE_TIMED; i++) {
      if (i === 5) cpuFrom = server.cpuSeconds();
      const started = performance.now();
      const response = await fetch(`${server.origin}${route.path()}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${route.name}: HTTP ${response.status}`);
      if (i >= 5) samples.push(performance.now() - started);
    }
    timings.set(route.name, { ...summarize(samples), serverCpuMs: ((server.cpuSeconds() - cpuFrom) * 1000) / ALONE_TIMED });
  }
  return timings;
}

function sampleEvery(server: AppServer, databaseUrl: string, everyMs: number, limit: number) {
  const samples: Sample[] = [];
  const client = new Client({ connectionString: databaseUrl });
  const started = Date.now();
  let last = { at: Date.now(), cpu: server.cpuSeconds() };
  const take = async () => {
    // Parallel query workers are listed too (same database, no client port) but are not connections:
    // two of them beside a full pool read as 15 in earlier runs.
    const { rows } = await client.query<{ pid: number; started: Date; state: string | null; port: number | null; kind: string }>(
      "SELECT pid, backend_start AS started, state, client_port AS port, backend_type AS kind FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ORDER BY backend_start",
    );
    const now = { at: Date.now(), cpu: server.cpuSeconds() };
    const cpuCores = now.at > last.at ? (now.cpu - last.cpu) / ((now.at - last.at) / 1000) : 0;
    last = now;
    const connections = rows.filter((r) => r.kind === "client backend");
    const backends = connections.length > limit ? connections.map((r) => ({ pid: r.pid, state: r.state, port: r.port, started: r.started.toISOString() })) : undefined;
    samples.push({
      second: Math.round((Date.now() - started) / 1000),
      rssMiB: Math.round(server.rssMiB()),
      instancesMiB: server.instancePids().map((pid) => Math.round(treeRssMiB(pid))),
      connections: connections.length,
      parallelWorkers: rows.length - connections.length,
      cpuCores: Math.round(cpuCores * 100) / 100,
      backends,
    });
  };
  const ready = client.connect().then(take);
  const timer = setInterval(() => void take().catch(() => undefined), everyMs);
  return {
    samples,
    stop: async () => {
      clearInterval(timer);
      await ready;
      await take();
      await client.end();
    },
  };
}

/** MiB per minute over the second half of the run (after warm-up and JIT), least squares: a leak shows as a steady rise. */
function slopePerMinute(points: { second: number; mib: number }[]): number {
  const tail = points.slice(Math.floor(points.length / 2));
  if (tail.length < 2) return 0;
  const meanX = tail.reduce((s, p) => s + p.second, 0) / tail.length;
  const meanY = tail.reduce((s, p) => s + p.mib, 0) / tail.length;
  const cov = tail.reduce((s, p) => s + (p.second - meanX) * (p.mib - meanY), 0);
  const varX = tail.reduce((s, p) => s + (p.second - meanX) ** 2, 0);
  return varX === 0 ? 0 : (cov / varX) * 60;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Each route's median and p95 with each instance count, one column pair per count. */
function printSideBySide(runs: { count: number; results: RouteResult[]; memory: { peakMiB: number; instancePeakMiB: number; instanceSlopesMiBPerMinute: number[] }; machineLoad: { busyShare: number; cpuWaitShare: number | null }; quietWait: QuietWait | null }[]) {
  console.log(`\n| route | ${runs.map((r) => `${r.count} instance(s): median · p95`).join(" | ")} | target |`);
  console.log(`|---|${runs.map(() => "---|").join("")}---|`);
  const first = runs[0]?.results ?? [];
  for (const route of first) {
    const target = route.kind === "api" ? TARGETS.apiP95Ms : TARGETS.pageP95Ms;
    const cells = runs.map((r) => {
      const mine = r.results.find((x) => x.name === route.name);
      if (!mine || mine.latency.runs === 0) return "no answers";
      return `${ms(mine.latency.medianMs)} · ${ms(mine.latency.p95Ms)} ms${mine.errors + mine.non2xx ? `, ${mine.errors + mine.non2xx} failed` : ""}`;
    });
    console.log(`| ${route.name} | ${cells.join(" | ")} | p95 < ${target} ms |`);
  }
  console.log(`| server RSS peak: all · largest instance | ${runs.map((r) => `${r.memory.peakMiB} · ${r.memory.instancePeakMiB} MiB`).join(" | ")} | ≤ ${TARGETS.rssMiB} MiB per instance |`);
  console.log(`| server RSS slope, each instance (second half) | ${runs.map((r) => r.memory.instanceSlopesMiBPerMinute.map((v) => `${v.toFixed(1)}`).join(", ") + " MiB/min").join(" | ")} | flat |`);
  console.log(`| machine busy · CPU wait | ${runs.map((r) => `${(r.machineLoad.busyShare * 100).toFixed(0)} % · ${r.machineLoad.cpuWaitShare === null ? "?" : (r.machineLoad.cpuWaitShare * 100).toFixed(0)} %`).join(" | ")} | |`);
  console.log(`| waited for a quiet machine | ${runs.map((r) => (r.quietWait ? `${r.quietWait.waitedS} s${r.quietWait.quiet ? "" : ", not quiet"}` : "no")).join(" | ")} | |`);
}

/** A client this busy queues its own requests, and its latencies measure that queueing too. */
const CLIENT_LIMITS = { loopDelayP99Ms: 50, cpuCores: 0.5 };

function printWaits(instances: InstanceObservation[], client: ClientObservation) {
  console.log(`\n| instance | seconds | event-loop delay p50 / p99 / max | pool checkouts | per request (mean / p95) | held p50 / p99 | pool wait p50 / p99 / max | waited > 1 ms | queued for a connection (mean / max) | requests in flight (mean / max) |`);
  console.log(`|---|---:|---|---:|---|---|---|---:|---|---|`);
  for (const i of instances) {
    console.log(
      `| ${i.pid} | ${i.seconds} | ${ms(i.loopDelay.medianMs)} / ${ms(i.loopDelay.p99Ms)} / ${ms(i.loopDelayMaxMs)} ms | ${i.poolWait.checkouts} | ${i.checkoutsPerRequest.mean} / ${i.checkoutsPerRequest.p95} | ${ms(i.poolHold.medianMs)} / ${ms(i.poolHold.p99Ms)} ms | ${ms(i.poolWait.medianMs)} / ${ms(i.poolWait.p99Ms)} / ${ms(i.poolWait.maxMs)} ms | ${i.poolWait.overOneMs} | ${i.poolWaiting.mean} / ${i.poolWaiting.max} | ${i.inFlight.mean} / ${i.inFlight.max} |`,
    );
  }
  for (const i of instances) console.log(`checkouts per request, by path (instance ${i.pid}): ${i.checkoutsByPath.map((p) => `${p.path} ${p.mean} (${p.requests})`).join(", ")}`);
  const healthy = client.loopDelayP99Ms <= CLIENT_LIMITS.loopDelayP99Ms && client.cpuCores <= CLIENT_LIMITS.cpuCores;
  console.log(
    `load client: ${client.cpuCores} cores, event-loop delay p50 ${client.loopDelayP50Ms} ms, p99 ${client.loopDelayP99Ms} ms, max ${client.loopDelayMaxMs} ms: ${healthy ? "kept up (its timings are the server's)" : `**could not keep up** (limits: p99 ≤ ${CLIENT_LIMITS.loopDelayP99Ms} ms, ≤ ${CLIENT_LIMITS.cpuCores} cores): latencies include its own queueing`}`,
  );
}

type Build = (url: string) => Promise<LoadData>;

async function freshData(build: Build) {
  log("starting a throwaway PostgreSQL");
  const cluster = await startTestCluster();
  const database = await createThrowawayDatabase(cluster.url("postgres"), "maghreb_load");
  return { cluster, database, data: await build(database.url) };
}

async function keptData(build: Build) {
  const kept = await keptLoadDatabase({ shape: { events: EVENTS, agreements: AGREEMENTS, analysts: ANALYSTS, today: toDay(new Date()) }, build, log });
  return { cluster: kept.cluster, database: { url: kept.url, dispose: kept.dispose }, data: kept.data };
}

async function main() {
  ensureBuilt(log);
  const loadBefore = os.loadavg();
  const today = toDay(new Date());
  const build = async (url: string) => {
    const db = createPrismaClient(url, { poolSize: 4, limits: NO_TIME_LIMITS });
    return buildLoadData({ db, events: EVENTS, agreements: AGREEMENTS, analysts: ANALYSTS, today, log }).finally(() => db.$disconnect());
  };
  const { cluster, database, data } = KEEP_DATA ? await keptData(build) : await freshData(build);
  let server: AppServer | undefined;
  try {
    log(`data ready in ${data.seconds.toFixed(0)} s: ${data.events.toLocaleString("en")} events, ${data.agreements.toLocaleString("en")} agreements, ${data.dyads} dyads, ${data.analysts.length} analysts`);

    // One measurement per instance count, on the same data: each its own server, sign-ins and baseline.
    const measure = async (count: number) => {
      server = await startAppServer({ databaseUrl: database.url, port: PORT, poolSize: POOL_SIZE, instances: count, nodeArgs: [...(CPU_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=bench/results/cpu-prof"] : []), ...SERVER_FLAGS], log: SERVER_FLAGS.length ? (line) => console.log(line) : undefined });
      const origin = server.origin;
      // One at a time: the throttle counts an attempt before checking it and forgives a success after.
      const cookies: string[] = [];
      for (const email of data.analysts) cookies.push(await signIn(origin, email, LOAD_PASSWORD));
      const admin = await signIn(origin, "admin@example.com", DEMO_PASSWORD);
      const first = cookies[0] ?? "";
      const routes = loadMix({ today, cursors: await feedCursors(origin, first, 30) });

      log(`baseline: each route alone, one request at a time (5 warm-up, ${ALONE_TIMED} timed), with the server's CPU time per request`);
      const alone = await baseline(server, first, routes);

      const quietWait: QuietWait | null = QUIET_WAIT_S > 0 ? await waitForQuietMachine({ ...QUIET, timeoutS: QUIET_WAIT_S }) : null;
      if (quietWait) log(quietWait.quiet ? `machine quiet after ${quietWait.waitedS} s (${(quietWait.busyShare * 100).toFixed(0)} % busy over the last ${QUIET.windowS} s)` : `**the machine did not quiet down** within ${QUIET_WAIT_S} s (${(quietWait.busyShare * 100).toFixed(0)} % busy over the last ${QUIET.windowS} s): the figures below include whatever else runs`);
      log(`load: ${count} server instance(s), ${cookies.length} analysts at ${RATE} request/s each on average (${(cookies.length * RATE).toFixed(0)} req/s offered), for ${WARMUP_S} s unmeasured and then ${DURATION_S} s measured, ${WRITE_EVERY_MS > 0 ? `and one admin writing an event every ${WRITE_EVERY_MS} ms` : "and no admin writing"}`);
      const writer = WRITE_EVERY_MS > 0 ? startAdminWriter({ origin: () => origin, cookie: () => admin, everyMs: WRITE_EVERY_MS, label: "load" }) : noWriter();
      const running = runAnalysts({ origin, cookies, routes, ratePerAnalyst: RATE, durationMs: (WARMUP_S + DURATION_S) * 1000 });
      await sleep(WARMUP_S * 1000);
      const measuredFrom = performance.now();
      const sampler = sampleEvery(server, database.url, 10_000, connectionLimit(count));
      const loadStarted = Date.now();
      const clientWatch = observeClient();
      const machineWatch = observeMachine();
      const databaseWatch = observeDatabase(database.url);
      const samples = (await running).filter((x) => x.sentAt >= measuredFrom);
      await writer.stop();
      const loadEnded = Date.now();
      const client = clientWatch.stop();
      const machineLoad = machineWatch.stop();
      const databaseWaits = await databaseWatch.stop();
      await sampler.stop();
      const instances = summarizeInstances(server.runtimeReports, loadStarted, loadEnded);

      const check = new Client({ connectionString: database.url });
      await check.connect();
      const found = await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Event" WHERE id = ANY($1::text[])`, [writer.acknowledged]);
      await check.end();
      const lostWrites = writer.acknowledged.length - (found.rows[0]?.n ?? 0);

      const results: RouteResult[] = routes.map((route) => {
        const mine = samples.filter((x) => x.route === route.name);
        return {
          name: route.name,
          kind: route.kind,
          requests: mine.length,
          perSecond: mine.length / DURATION_S,
          latency: summarize(mine.filter((x) => x.status !== 0).map((x) => x.ms)),
          non2xx: mine.filter((x) => x.status !== 0 && x.status !== 200).length,
          errors: mine.filter((x) => x.status === 0).length,
          statuses: mine.reduce<Record<string, number>>((counts, x) => ({ ...counts, [x.status]: (counts[x.status] ?? 0) + 1 }), {}),
          baseline: alone.get(route.name) ?? { ...summarize([]), serverCpuMs: 0 },
        };
      });
      // Every acknowledged write is checked above, the warm-up's too; its timings are the measured seconds'.
      const writes = summarize(writer.attempts.filter((a) => a.at >= loadStarted).map((a) => a.ms));
      const failedWrites = writer.attempts.filter((a) => a.status !== 200).length;
      const rss = sampler.samples.map((s) => s.rssMiB);
      const connections = sampler.samples.map((s) => s.connections);
      const memory = {
        startMiB: rss[0] ?? 0,
        peakMiB: Math.max(...rss),
        endMiB: rss.at(-1) ?? 0,
        slopeMiBPerMinute: slopePerMinute(sampler.samples.map((x) => ({ second: x.second, mib: x.rssMiB }))),
        /** Each instance's own slope: "flat per instance" is the target, and the tree's sum hides which one grows. */
        instanceSlopesMiBPerMinute: Array.from({ length: count }, (_, i) =>
          slopePerMinute(sampler.samples.flatMap((x) => (x.instancesMiB[i] === undefined ? [] : [{ second: x.second, mib: x.instancesMiB[i] }]))),
        ),
        /** The largest instance at its largest: the target is per instance. */
        instancePeakMiB: Math.max(...sampler.samples.map((x) => Math.max(0, ...x.instancesMiB))),
        primaryPeakMiB: count > 1 ? Math.max(...sampler.samples.map((x) => x.rssMiB - x.instancesMiB.reduce((a, b) => a + b, 0))) : 0,
      };
      const pool = { peak: Math.max(...connections), limit: connectionLimit(count) };
      const cpu = sampler.samples.slice(1).map((x) => x.cpuCores);
      const serverCpu = { meanCores: cpu.reduce((a, b) => a + b, 0) / Math.max(1, cpu.length), peakCores: Math.max(0, ...cpu) };

      console.log(`\n| route | requests | req/s | median | p95 | p99 | non-2xx | errors | alone: median | alone: p95 | alone: server CPU | p95 ratio | target |`);
      console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|`);
      for (const r of results) {
        const target = r.kind === "api" ? TARGETS.apiP95Ms : TARGETS.pageP95Ms;
        console.log(
          `| ${r.name} | ${r.requests} | ${r.perSecond.toFixed(1)} | ${ms(r.latency.medianMs)} ms | ${ms(r.latency.p95Ms)} ms | ${ms(r.latency.p99Ms)} ms | ${r.non2xx} | ${r.errors} | ${ms(r.baseline.medianMs)} ms | ${ms(r.baseline.p95Ms)} ms | ${r.baseline.serverCpuMs.toFixed(1)} ms | ${(r.latency.p95Ms / r.baseline.p95Ms).toFixed(1)}× | p95 < ${target} ms: ${r.latency.p95Ms < target ? "met" : "missed"} |`,
        );
      }
      const total = results.reduce((s, r) => s + r.requests, 0);
      console.log(`\nall routes: ${total} requests, ${(total / DURATION_S).toFixed(1)} req/s; admin writes: ${writer.attempts.length}, ${failedWrites} failed, median ${ms(writes.medianMs)} ms, p95 ${ms(writes.p95Ms)} ms; acknowledged ${writer.acknowledged.length}, lost ${lostWrites}`);
      // A target like the p95s, reported met or missed; the run fails only on what is wrong at any speed
      // or size (errors, lost writes, more connections than the pools allow).
      console.log(`server RSS target ≤ ${TARGETS.rssMiB} MiB per instance: ${memory.instancePeakMiB <= TARGETS.rssMiB ? "met" : "missed"} (largest instance at its peak ${memory.instancePeakMiB} MiB${count > 1 ? `; the primary, which holds the front, ${memory.primaryPeakMiB} MiB` : ""})`);
      console.log(`server RSS (MiB): start ${memory.startMiB}, peak ${memory.peakMiB}, end ${memory.endMiB}, slope ${memory.slopeMiBPerMinute.toFixed(1)} MiB/min over the second half${count > 1 ? ` (each instance: ${memory.instanceSlopesMiBPerMinute.map((v) => v.toFixed(1)).join(", ")})` : ""}; database connections: peak ${pool.peak} (limit ${pool.limit}), parallel query workers at most ${Math.max(0, ...sampler.samples.map((x) => x.parallelWorkers))}; server CPU ${serverCpu.meanCores.toFixed(2)} cores on average, peak ${serverCpu.peakCores.toFixed(2)}`);
      printWaits(instances, client);
      console.log(`machine: ${(machineLoad.busyShare * 100).toFixed(0)} % of its ${machineLoad.cores} cores busy (steal ${(machineLoad.stealShare * 100).toFixed(0)} %); some task waited for a core ${machineLoad.cpuWaitShare === null ? "(no pressure information)" : `${(machineLoad.cpuWaitShare * 100).toFixed(0)} % of the time`}`);
      console.log(`PostgreSQL's client backends (${databaseWaits.samples} samples, ${databaseWaits.backendsPerSample} backends each on average): ${databaseWaits.shares.map((s) => `${s.what} ${(s.share * 100).toFixed(0)} %`).join(", ")}`);
      const machine = `${os.cpus()[0]?.model ?? "?"} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
      const loadAverage = { before: loadBefore.map((l) => l.toFixed(2)).join(" "), after: os.loadavg().map((l) => l.toFixed(2)).join(" ") };
      console.log(`machine: ${machine}; load average before ${loadAverage.before}, after ${loadAverage.after}`);

      const file = resultsFile(`load${DURATION_S >= 600 ? "-soak" : ""}${count > 1 ? `-${count}-instances` : ""}`);
      writeFileSync(
        file,
        JSON.stringify({ machine, loadAverage, quietWait, instances: count, durationSeconds: DURATION_S, warmupSeconds: WARMUP_S, ratePerConnection: RATE, writeEveryMs: WRITE_EVERY_MS, data: { ...data, analysts: data.analysts.length }, results, serverCpu, perInstance: instances, client, machineLoad, databaseWaits, writes: { ...writes, attempts: writer.attempts.length, failed: failedWrites, acknowledged: writer.acknowledged.length, lost: lostWrites }, memory, pool, samples: sampler.samples }, null, 2),
      );
      log(`results written to ${file}`);

      const errors = results.reduce((sum, r) => sum + r.errors + r.non2xx, 0) + failedWrites;
      const problems = [
        errors > 0 && `${errors} failed requests or writes`,
        lostWrites > 0 && `${lostWrites} acknowledged writes missing`,
        pool.peak > pool.limit && `${pool.peak} database connections, more than the pools' ${pool.limit}`,
        // A run that cannot say where requests waited is not a measurement (server/runtime-metrics.ts).
        instances.length < count && `runtime figures from ${instances.length} of ${count} instance(s)`,
      ].filter(Boolean);
      if (problems.length) {
        console.error(`✘ ${problems.join("; ")}`);
        process.exitCode = 1;
      }
      await server.stop();
      server = undefined;
      return { count, results, memory, machineLoad, quietWait };
    };
    const runs = [];
    for (const count of INSTANCE_COUNTS) runs.push(await measure(count));
    if (runs.length > 1) printSideBySide(runs);
  } finally {
    await server?.stop();
    await sleep(100);
    await database.dispose();
    await cluster.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
