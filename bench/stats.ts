// Timing helpers shared by the benchmarks: warm-up, then N timed runs, median, p95 and p99.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  minMs: number;
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)] ?? NaN;
}

/** Median, p95 and minimum of samples timed elsewhere (e.g. inside a browser). */
export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99), minMs: sorted[0] ?? NaN };
}

export async function time(fn: () => Promise<unknown>, options: { runs?: number; warmup?: number } = {}): Promise<Timing> {
  const { runs = 200, warmup = 20 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export const fmt = (t: Timing) => `median ${t.medianMs.toFixed(2)} ms · p95 ${t.p95Ms.toFixed(2)} ms (${t.runs} runs)`;

/**
 * Where a benchmark writes its results: bench/results/<name>-<date>.json, then -2, -3… for the
 * day's later runs (three soaks in a day once kept only the last), or under BENCH_RESULTS_DIR
 * (the smoke step of `npm test` runs every bench at a tiny size and must not write among the
 * real results). Creates the folder.
 */
export function resultsFile(name: string, dir = process.env.BENCH_RESULTS_DIR || "bench/results", now = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const day = `${name}-${now.toISOString().slice(0, 10)}`;
  for (let run = 1; ; run++) {
    const file = path.join(dir, `${day}${run === 1 ? "" : `-${run}`}.json`);
    if (!existsSync(file)) return file;
  }
}
