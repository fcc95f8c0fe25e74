// Benchmark of alert evaluation and delivery (issue 16), on a throwaway embedded PostgreSQL:
//   - 10,000 rules of every kind over 30 dyads with a synthetic history; then single event
//     publishes through the record pipeline, each followed by one run of the `alerts` job (from
//     the outbox row to the judged alerts written): median and p95 of both, target p95 ≤ 100 ms;
//   - the baseline in the same command: after each of its writes, every rule evaluated on its
//     own by reading its dyad's series afresh (bench/alerts/rescan.ts), checked to judge exactly
//     the rules the job judges;
//   - webhooks: one run of the job posting to a receiver on 127.0.0.1 that verifies each
//     Standard Webhooks signature; deliveries per minute with one worker, target ≥ 1,000.
// Every rule is cooled down before each write (the worst case: each rule that fires makes an alert).
// Run: npm run bench:alerts [-- --events 300000 --rules 10000 --writes 50 --baseline-writes 5 --deliveries 1000]
import { writeFileSync } from "node:fs";
import os from "node:os";
import { eventInputFixture } from "../prisma/seed/factories";
import { createThrowawayDatabase, startTestCluster } from "../scripts/db/throwaway";
import { deliverDue, recordCauses, runAlerts } from "../server/alerts/job";
import { settleOutbox } from "../server/alerts/outbox";
import { createPrismaClient, type Db } from "../server/db-client";
import { NO_TIME_LIMITS } from "../server/db-limits";
import { eventRecord } from "../server/events/write";
import { fromDay, toDay } from "../server/method/day";
import { createRecord } from "../server/records/pipeline";
import { buildAlertsData, type BenchDyad } from "./alerts/data";
import { judgedCause, rescanEveryRule, rulesToRescan, type Seen } from "./alerts/rescan";
import { startReceiver, webhookRules } from "./alerts/webhooks";
import { fmt, resultsFile, summarize } from "./stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.lastIndexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg("events", 300_000);
const RULES = arg("rules", 10_000);
const WRITES = arg("writes", 50);
const WARMUP = arg("warmup", 3);
const BASELINE_WRITES = arg("baseline-writes", 5);
const DELIVERIES = arg("deliveries", 1_000);
const TARGETS = { evaluateP95Ms: 100, deliveriesPerMinute: 1_000 };
/** Hostile and cooperative CAMEO codes in turn (G −10, +8, −8, +7, −4, +4): indexes move both ways. */
const CODES = ["190", "057", "163", "046", "161", "036"];

const countLine = (s: { median: number; min: number; max: number }) => `median ${s.median} (${s.min}–${s.max})`;
const log = (line: string) => console.log(`[alerts] ${line}`);
const job = { signal: new AbortController().signal };

/** The one-minute load average every 5 s while the benchmark runs (the machine may be shared). */
function sampleLoad() {
  const samples: number[] = [os.loadavg()[0] ?? 0];
  const timer = setInterval(() => samples.push(os.loadavg()[0] ?? 0), 5_000);
  return () => {
    clearInterval(timer);
    samples.push(os.loadavg()[0] ?? 0);
    return { min: Math.min(...samples), mean: samples.reduce((a, b) => a + b, 0) / samples.length, max: Math.max(...samples) };
  };
}

/** The n-th write: an event yesterday in one of the dyads, spread over them all. */
function publish(db: Db, dyads: readonly BenchDyad[], n: number, today: number) {
  const dyad = dyads[(n * 7) % dyads.length];
  if (!dyad) throw new Error("no dyads");
  const data = eventInputFixture({ title: `Bench write ${n}`, dyad: dyad.key, actor: dyad.countryA, target: dyad.countryB, cameoCode: CODES[n % CODES.length], overrideKey: undefined, date: fromDay(today - 1) });
  return createRecord({ db, type: eventRecord, actorId: null, data, today });
}

const spread = (counts: readonly number[]) => ({ median: summarize(counts).medianMs, min: Math.min(...counts), max: Math.max(...counts) });

/** Every rule cooled down again, outside the timings. */
const coolDownAll = (db: Db) => db.$executeRaw`UPDATE "AlertRule" SET "lastFiredAt" = NULL WHERE "lastFiredAt" IS NOT NULL`;

const causesOfWrite = (written: { id: string; version: number }) => ({ key: { startsWith: `Event:${written.id}:v${written.version}` } });
const causesOf = (db: Db, written: { id: string; version: number }) => db.alertCause.count({ where: causesOfWrite(written) });

/** The causes the job judged for one write and has not delivered, as the comparison reads them, sorted. */
const judgedByJob = async (db: Db, written: { id: string; version: number }) =>
  (await db.alertCause.findMany({ where: { ...causesOfWrite(written), alertId: null }, select: { ruleId: true, text: true } })).map(judgedCause).sort();

/** The product: each write, then one run of the `alerts` job. */
async function measureJob(db: Db, dyads: readonly BenchDyad[], today: number) {
  const [writes, evaluations, causes, alerts]: [number[], number[], number[], number[]] = [[], [], [], []];
  for (let n = 0; n < WARMUP + WRITES; n++) {
    await coolDownAll(db);
    let started = performance.now();
    const written = await publish(db, dyads, n, today);
    const writeMs = performance.now() - started;
    started = performance.now();
    const counts = await runAlerts({ db, ...job }, new Date(), null);
    const evaluateMs = performance.now() - started;
    if (n < WARMUP) continue;
    writes.push(writeMs);
    evaluations.push(evaluateMs);
    causes.push(await causesOf(db, written));
    alerts.push(counts.kept);
  }
  return { write: summarize(writes), evaluate: summarize(evaluations), causesPerWrite: spread(causes), alertsPerWrite: spread(alerts) };
}

/**
 * The baseline on writes of its own: each rule rescanned, its causes made into alerts by the same
 * deliverDue. Then, untimed, the job judges the same write: both must find the same causes (each
 * rule's, with the same arguments: their English sentences compared).
 */
async function measureRescan(db: Db, dyads: readonly BenchDyad[], today: number) {
  const rules = await rulesToRescan(db);
  const seen: Seen = new Map();
  let since = new Date();
  await rescanEveryRule({ db, rules, seen, since, now: since, key: "prime", write: false });
  const samples: number[] = [];
  const disagreements: string[] = [];
  // How many causes each comparison held: a comparison of none proves nothing.
  const compared: number[] = [];
  for (let n = 0; n < BASELINE_WRITES; n++) {
    await coolDownAll(db);
    const written = await publish(db, dyads, 1_000 + n, today);
    const now = new Date();
    const started = performance.now();
    const judged = await rescanEveryRule({ db, rules, seen, since, now, key: `rescan:${n}` });
    await deliverDue({ db, now });
    samples.push(performance.now() - started);
    since = now;
    await settleOutbox({ db, now, use: (tx, change) => recordCauses({ db: tx, change, now }) });
    const byJob = await judgedByJob(db, written);
    const byBaseline = judged.judged.sort();
    compared.push(byJob.length);
    const onlyJob = byJob.filter((c) => !byBaseline.includes(c));
    const onlyBaseline = byBaseline.filter((c) => !byJob.includes(c));
    if (byJob.length !== byBaseline.length || onlyJob.length > 0 || onlyBaseline.length > 0) {
      disagreements.push(`write ${n}: the job judged ${byJob.length} causes, the baseline ${byBaseline.length}; only the job's: ${onlyJob.slice(0, 3).join(" | ") || "none"}; only the baseline's: ${onlyBaseline.slice(0, 3).join(" | ") || "none"}`);
    }
    await db.alertCause.deleteMany({ where: { alertId: null } });
  }
  return { evaluate: summarize(samples), rules: rules.length, causesCompared: compared, disagreements };
}

/** One run of the `alerts` job with `DELIVERIES` webhook posts due, as the one worker makes it each minute. */
async function measureWebhooks(db: Db, dyads: readonly BenchDyad[], today: number) {
  const [dyad] = dyads;
  if (!dyad) throw new Error("no dyads");
  const hooks = await webhookRules({ db, count: DELIVERIES, dyadId: dyad.id, userId: "bench-user-0" });
  const receiver = await startReceiver(hooks.secrets);
  try {
    await hooks.create(receiver.base);
    await coolDownAll(db);
    // A write in the first dyad (the n-th write lands in dyad (7n mod 30)): every hook rule fires.
    await publish(db, dyads, 30 * 1_000, today);
    const now = new Date();
    await settleOutbox({ db, now, use: (tx, change) => recordCauses({ db: tx, change, now }) });
    await deliverDue({ db, now });
    const due = await db.webhookDelivery.count({ where: { state: "PENDING" } });
    const started = performance.now();
    const counts = await runAlerts({ db, ...job }, new Date(), null);
    const seconds = (performance.now() - started) / 1000;
    const delivered = await db.webhookDelivery.count({ where: { state: "DELIVERED" } });
    const gaps = receiver.arrivals.slice(1).map((a, i) => a.at - (receiver.arrivals[i]?.at ?? a.at));
    const perMinute = (delivered / seconds) * 60;
    return {
      due,
      delivered,
      received: receiver.arrivals.length,
      distinct: new Set(receiver.arrivals.map((a) => a.id)).size,
      refusedSignatures: receiver.refused,
      runSeconds: seconds,
      jobCounts: counts,
      // The job runs once a minute: it delivers what one run posts, at most.
      perMinute: seconds <= 60 && delivered < due ? delivered : perMinute,
      betweenDeliveries: summarize(gaps),
    };
  } finally {
    await receiver.close();
  }
}

async function main() {
  const machine = `${os.cpus()[0]?.model ?? "?"} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
  const loadAverage = sampleLoad();
  const cluster = await startTestCluster();
  const database = await createThrowawayDatabase(cluster.url("postgres"), "bench_alerts");
  const db = createPrismaClient(database.url, { poolSize: 10, limits: NO_TIME_LIMITS });
  try {
    const today = toDay(new Date());
    let started = performance.now();
    const { dyads, users } = await buildAlertsData({ db, events: EVENTS, rules: RULES, today, log });
    const generateSeconds = (performance.now() - started) / 1000;
    log(`data ready in ${generateSeconds.toFixed(0)} s`);

    log(`${WRITES} writes (${WARMUP} more to warm up), each followed by one run of the alerts job…`);
    const product = await measureJob(db, dyads, today);
    log(`event publish (record pipeline, rollup refresh, outbox row): ${fmt(product.write)}`);
    log(`alerts job after one write (outbox → causes → alerts): ${fmt(product.evaluate)}; causes judged per write: ${countLine(product.causesPerWrite)}; alerts made per write: ${countLine(product.alertsPerWrite)}`);

    log(`baseline: ${BASELINE_WRITES} writes, each followed by every rule rescanned…`);
    started = performance.now();
    const baseline = await measureRescan(db, dyads, today);
    log(`baseline, ${baseline.rules.toLocaleString("en")} rules rescanned after one write: ${fmt(baseline.evaluate)}; causes compared with the job's per write: ${baseline.causesCompared.join(", ")}`);
    const ratio = { medians: baseline.evaluate.medianMs / product.evaluate.medianMs, p95s: baseline.evaluate.p95Ms / product.evaluate.p95Ms };
    log(`the job is ${ratio.medians.toFixed(0)}× faster than the baseline (medians), ${ratio.p95s.toFixed(0)}× (p95s)`);
    for (const d of baseline.disagreements) console.error(`✘ ${d}`);

    log(`webhooks: ${DELIVERIES} deliveries due, one run of the job…`);
    const webhooks = await measureWebhooks(db, dyads, today);
    log(`delivered ${webhooks.delivered} of ${webhooks.due} in ${webhooks.runSeconds.toFixed(2)} s: ${webhooks.perMinute.toFixed(0)} per minute; between deliveries ${fmt(webhooks.betweenDeliveries)}; signatures refused ${webhooks.refusedSignatures}`);

    const load = loadAverage();
    const met = { evaluateP95: product.evaluate.p95Ms <= TARGETS.evaluateP95Ms, deliveriesPerMinute: webhooks.perMinute >= TARGETS.deliveriesPerMinute };
    log(`targets: evaluation p95 ≤ ${TARGETS.evaluateP95Ms} ms ${met.evaluateP95 ? "met" : "missed"}; ≥ ${TARGETS.deliveriesPerMinute} deliveries a minute ${met.deliveriesPerMinute ? "met" : "missed"}`);
    log(`machine: ${machine}; one-minute load average during the run: min ${load.min.toFixed(2)}, mean ${load.mean.toFixed(2)}, max ${load.max.toFixed(2)}`);
    const file = resultsFile(`alerts${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : ""}`);
    const sizes = { events: EVENTS, rules: RULES, dyads: dyads.length, users, writes: WRITES, warmup: WARMUP, baselineWrites: BASELINE_WRITES, deliveries: DELIVERIES };
    writeFileSync(file, JSON.stringify({ machine, loadAverage: load, sizes, generateSeconds, targets: TARGETS, met, product, baseline, ratio, webhooks }, null, 2));
    log(`results written to ${file}`);

    // Wrong at any speed: the baseline and the job judging differently, a post lost, doubled or badly signed.
    const problems = [
      baseline.disagreements.length > 0 && "the baseline and the job judged different causes",
      baseline.causesCompared.every((c) => c === 0) && "the baseline's writes judged no cause: nothing was compared",
      webhooks.delivered !== webhooks.received && `${webhooks.delivered} deliveries marked delivered, ${webhooks.received} received`,
      webhooks.distinct !== webhooks.received && "a delivery received twice",
      webhooks.refusedSignatures > 0 && `${webhooks.refusedSignatures} signatures refused`,
    ].filter(Boolean);
    if (problems.length) {
      console.error(`✘ ${problems.join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await db.$disconnect();
    await database.dispose();
    await cluster.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
