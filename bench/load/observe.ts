// Where a load run's requests waited, measured beside their latencies so that a slow p95 is
// placed rather than guessed: the server's event-loop delay and pool waits (each instance's own
// reports, server/runtime-metrics.ts), the load client's own CPU and event-loop delay (a client
// that cannot keep up times its own queueing), and what PostgreSQL's backends were doing,
// sampled twice a second from pg_stat_activity.
import { readFileSync } from "node:fs";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Client } from "pg";
import type { RuntimeReport } from "../../server/runtime-metrics";
import { summarize, type Timing } from "../stats";

/** Jiffies the whole machine spent busy and in total, from /proc/stat's first line. */
function machineTicks(): { busy: number; total: number; steal: number } {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait, steal };
}

/** Microseconds some task waited for a CPU, from /proc/pressure/cpu (absent on old kernels). */
function cpuStallMicros(): number | null {
  try {
    const some = readFileSync("/proc/pressure/cpu", "utf8").split("\n").find((l) => l.startsWith("some"));
    const total = /total=(\d+)/.exec(some ?? "");
    return total ? Number(total[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The whole machine over the load phase: how busy its cores were (server, database, client and
 * everything else together) and, from the kernel's pressure stall information, the share of
 * time at least one runnable task waited for a core. A busy machine makes every process wait,
 * and that wait shows in the pool (a connection's result waits for its reader) and PostgreSQL
 * (a backend waits to read the query) as time that neither side spends working.
 */
export function observeMachine() {
  const ticks = machineTicks();
  const stall = cpuStallMicros();
  const started = performance.now();
  return {
    stop() {
      const now = machineTicks();
      const stalled = cpuStallMicros();
      const seconds = (performance.now() - started) / 1000;
      const total = Math.max(1, now.total - ticks.total);
      return {
        cores: os.cpus().length,
        busyShare: round((now.busy - ticks.busy) / total),
        stealShare: round((now.steal - ticks.steal) / total),
        cpuWaitShare: stall === null || stalled === null ? null : round((stalled - stall) / 1e6 / seconds),
      };
    },
  };
}

export type MachineObservation = ReturnType<ReturnType<typeof observeMachine>["stop"]>;

/**
 * Waits until the machine has been quiet for a whole window (its cores busy less than
 * `maxBusyShare` of it), checking window after window, for at most `timeoutS`: the load phase
 * then starts on a machine the previous phase, the data's copy or another program no longer
 * holds, and the same command gives the same verdict run after run. The one-minute load average
 * lags a minute behind; the cores' ticks say what the machine is doing now. Returns how long it
 * waited and how busy the last window was (quiet: false when the time ran out first).
 */
export async function waitForQuietMachine(options: { maxBusyShare: number; windowS: number; timeoutS: number }) {
  const started = performance.now();
  for (;;) {
    const window = observeMachine();
    await new Promise((resolve) => setTimeout(resolve, options.windowS * 1000));
    const { busyShare } = window.stop();
    const waitedS = round((performance.now() - started) / 1000);
    if (busyShare < options.maxBusyShare) return { quiet: true, waitedS, busyShare };
    if (waitedS >= options.timeoutS) return { quiet: false, waitedS, busyShare };
  }
}

export type QuietWait = Awaited<ReturnType<typeof waitForQuietMachine>>;

/** The client's own event loop and CPU over the load phase. */
export function observeClient() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  return {
    stop() {
      delay.disable();
      const used = process.cpuUsage(cpu);
      const seconds = (performance.now() - started) / 1000;
      return {
        cpuCores: round((used.user + used.system) / 1e6 / seconds),
        loopDelayP50Ms: round(delay.percentile(50) / 1e6),
        loopDelayP99Ms: round(delay.percentile(99) / 1e6),
        loopDelayMaxMs: round(delay.max / 1e6),
      };
    },
  };
}

export type ClientObservation = ReturnType<ReturnType<typeof observeClient>["stop"]>;

export interface InstanceObservation {
  pid: number;
  seconds: number;
  loopDelay: Timing;
  loopDelayMaxMs: number;
  poolWait: Timing & { checkouts: number; overOneMs: number; maxMs: number };
  /** From getting a connection to giving it back: the database's work plus the loop's delays in between. */
  poolHold: Timing;
  checkoutsPerRequest: { mean: number; p95: number; max: number };
  /** Mean checkouts per request by path, most first. */
  checkoutsByPath: { path: string; requests: number; mean: number }[];
  inFlight: { mean: number; max: number };
  /** Checkouts queued for a connection, sampled each second. */
  poolWaiting: { mean: number; max: number };
}

/** Each instance's reports from a window of time, summarized with exact percentiles. */
export function summarizeInstances(reports: readonly RuntimeReport[], from: number, to: number): InstanceObservation[] {
  const byPid = new Map<number, RuntimeReport[]>();
  for (const r of reports) {
    if (r.at <= from || r.at > to + 1_000) continue;
    const mine = byPid.get(r.pid);
    if (mine) mine.push(r);
    else byPid.set(r.pid, [r]);
  }
  return [...byPid].map(([pid, mine]) => {
    const delays = mine.flatMap((r) => r.loopDelayMs);
    const waits = mine.flatMap((r) => r.poolWaitMs);
    const perRequest = mine.flatMap((r) => r.checkoutsPerRequest);
    return {
      pid,
      seconds: mine.length,
      loopDelay: summarize(delays),
      loopDelayMaxMs: round(Math.max(0, ...delays)),
      poolWait: { ...summarize(waits), checkouts: waits.length, overOneMs: waits.filter((w) => w > 1).length, maxMs: round(Math.max(0, ...waits)) },
      poolHold: summarize(mine.flatMap((r) => r.poolHoldMs)),
      checkoutsPerRequest: { ...meanMax(perRequest), p95: summarize(perRequest).p95Ms },
      checkoutsByPath: byPath(mine),
      inFlight: meanMax(mine.map((r) => r.inFlight)),
      poolWaiting: meanMax(mine.map((r) => r.pool.waiting)),
    };
  });
}

/** What the database's client backends were doing, as shares of all samples of all backends. */
export function observeDatabase(databaseUrl: string, everyMs = 500) {
  const client = new Client({ connectionString: databaseUrl });
  const counts = new Map<string, number>();
  let samples = 0;
  let backendSamples = 0;
  const take = async () => {
    const { rows } = await client.query<{ state: string | null; wait: string | null }>(
      `SELECT state, CASE WHEN wait_event_type IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS wait
         FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    samples++;
    for (const row of rows) {
      backendSamples++;
      // "active" with no wait event is running on a CPU; a wait names what it waits for.
      const key = row.state === "active" ? `active ${row.wait ?? "(on CPU)"}` : (row.state ?? "unknown");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  const ready = client.connect();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void ready
      .then(take)
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await ready.catch(() => undefined);
      await client.end().catch(() => undefined);
      const shares = [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => ({ what, share: round(n / Math.max(1, backendSamples)), perSample: round(n / Math.max(1, samples)) }));
      return { samples, backendsPerSample: round(backendSamples / Math.max(1, samples)), shares };
    },
  };
}

export type DatabaseObservation = Awaited<ReturnType<ReturnType<typeof observeDatabase>["stop"]>>;

function byPath(reports: readonly RuntimeReport[]) {
  const totals = new Map<string, { requests: number; checkouts: number }>();
  for (const r of reports) {
    r.requestPaths.forEach((path, i) => {
      const t = totals.get(path) ?? { requests: 0, checkouts: 0 };
      t.requests++;
      t.checkouts += r.checkoutsPerRequest[i] ?? 0;
      totals.set(path, t);
    });
  }
  return [...totals].map(([path, t]) => ({ path, requests: t.requests, mean: round(t.checkouts / t.requests) })).sort((a, b) => b.mean - a.mean);
}

function meanMax(values: number[]) {
  return { mean: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)), max: Math.max(0, ...values) };
}

function round(v: number) {
  return Math.round(v * 100) / 100;
}
