// What one server process can say about its own waiting: how late its event loop runs, how long
// requests wait for a database connection, and how many requests are in flight. The load
// benchmark reads them beside each route's latencies, so a slow p95 is placed (a busy loop, a
// full pool, the database) instead of guessed. A supervisor asks for them by starting the server
// with RUNTIME_METRICS=ipc and an IPC channel: each second the process sends what it measured
// in that second, raw, so the reader can take exact percentiles over any span. Nothing is
// measured otherwise, beyond two counters.
import { performance } from "node:perf_hooks";

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** One second of one process, as sent to the supervisor. */
export interface RuntimeReport {
  type: "runtime-metrics";
  pid: number;
  at: number;
  /** How late each 20 ms timer fired, in ms: the time a request ready to run waited for the loop. */
  loopDelayMs: number[];
  /** Each pool checkout's wait, in ms (0 when a connection was idle). */
  poolWaitMs: number[];
  /** How long each checkout held its connection, from getting it to giving it back, in ms. */
  poolHoldMs: number[];
  /** Connections each request answered in this second checked out, and what it asked for (path, no query). */
  checkoutsPerRequest: number[];
  requestPaths: string[];
  /** Requests accepted and not yet answered, at the end of the second. */
  inFlight: number;
  /** The app pool at the end of the second: open connections, idle ones, checkouts queued. */
  pool: { total: number; idle: number; waiting: number };
}

interface State {
  inFlight: number;
  recording: boolean;
  loopDelayMs: number[];
  poolWaitMs: number[];
  poolHoldMs: number[];
  checkoutsPerRequest: number[];
  requestPaths: string[];
  pool?: PoolLike;
}

// On globalThis: Next bundles server modules into several chunks, each with its own module scope,
// and the HTTP server (scripts/serve.ts) imports this file outside them.
const shared = globalThis as { maghrebRuntimeMetrics?: State };
const state = (shared.maghrebRuntimeMetrics ??= { inFlight: 0, recording: false, loopDelayMs: [], poolWaitMs: [], poolHoldMs: [], checkoutsPerRequest: [], requestPaths: [] });

/** Counts a request from its arrival to its answer's end (or its connection's close). `url` is the request's, query included: only its path is kept, and only while recording. */
export function requestStarted(url: string): (checkouts: number) => void {
  state.inFlight++;
  let done = false;
  return (checkouts) => {
    if (done) return;
    done = true;
    state.inFlight--;
    if (!state.recording) return;
    state.checkoutsPerRequest.push(checkouts);
    state.requestPaths.push(url.split("?")[0] ?? "");
  };
}

/** Whether a supervisor asked for the figures: measuring code skips its work otherwise. */
export function isRecording(): boolean {
  return state.recording;
}

/** The app's pool, read at each report. */
export function watchPool(pool: PoolLike): void {
  state.pool ??= pool;
}

/** A checkout's wait, from asking to holding a connection (or failing to). */
export function recordPoolWait(ms: number): void {
  if (state.recording) state.poolWaitMs.push(ms);
}

/** A checkout's hold, from getting its connection to releasing it. */
export function recordPoolHold(ms: number): void {
  if (state.recording) state.poolHoldMs.push(ms);
}

const TICK_MS = 20;

/** Starts the per-second reports over IPC when RUNTIME_METRICS=ipc and the process has a channel. */
export function reportRuntimeMetrics(env: Partial<Record<string, string>> = process.env): void {
  const send = process.send?.bind(process);
  if (env.RUNTIME_METRICS !== "ipc" || !send || state.recording) return;
  state.recording = true;
  let expected = performance.now() + TICK_MS;
  setInterval(() => {
    const now = performance.now();
    state.loopDelayMs.push(Math.max(0, now - expected));
    expected = now + TICK_MS;
  }, TICK_MS).unref();
  setInterval(() => {
    const pool = state.pool;
    const report: RuntimeReport = {
      type: "runtime-metrics",
      pid: process.pid,
      at: Date.now(),
      loopDelayMs: state.loopDelayMs.splice(0),
      poolWaitMs: state.poolWaitMs.splice(0),
      poolHoldMs: state.poolHoldMs.splice(0),
      checkoutsPerRequest: state.checkoutsPerRequest.splice(0),
      requestPaths: state.requestPaths.splice(0),
      inFlight: state.inFlight,
      pool: { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 },
    };
    send(report);
  }, 1_000).unref();
}

export function isRuntimeReport(message: unknown): message is RuntimeReport {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === "runtime-metrics";
}
