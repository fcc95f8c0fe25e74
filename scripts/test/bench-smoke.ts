// The smoke step of `npm test`: every `bench:*` script in package.json, run at a tiny size, so a
// benchmark that stops working (as bench:agreements once did, on a sign-in it did not make) fails
// the suite instead of the next person who needs its figures. It checks that each runs to the
// end, not what it measures. A new bench:* script without a size here fails the step: give it one.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

interface TinySize {
  args?: string[];
  env?: Record<string, string>;
}

/** What each benchmark is told to make small: rows, runs, duration, analysts. */
export const TINY: Record<string, TinySize> = {
  "bench:agreements": { env: { BENCH_AGREEMENTS: "200", BENCH_RUNS: "3" } },
  "bench:relations": { args: ["--events", "2000", "--range-pairs", "10", "--runs", "20"] },
  "bench:map": { args: ["--runs", "1", "--warmup", "0"] },
  "bench:import": { env: { BENCH_IMPORT_ROWS: "40", BENCH_RUNS: "1" } },
  // One and two instances side by side, so the comparison the issue asks for keeps running.
  // --quiet-wait 1: one 5 s look at the machine before each load phase (the tests beside it keep it busy).
  "bench:load": { args: ["--duration", "5", "--warmup", "1", "--analysts", "3", "--events", "2000", "--agreements", "200", "--alone", "5", "--instances", "1,2", "--quiet-wait", "1"] },
  // The same script as bench:load: here without the admin, so that switch keeps running too.
  "bench:soak": { args: ["--duration", "5", "--warmup", "1", "--analysts", "3", "--events", "2000", "--agreements", "200", "--alone", "5", "--write-every", "0", "--quiet-wait", "0"] },
  "bench:faults": { args: ["--readers", "2", "--outage", "2000", "--steady", "1000", "--write-every", "250"] },
  "bench:ingest": { env: { BENCH_GDELT_ROWS: "300", BENCH_RUNS: "1", BENCH_BASELINE_ROWS: "20" } },
  // 600 rules: 20 on each of the 30 dyads, so the baseline's writes land where rules fire and its comparison holds causes.
  "bench:alerts": { args: ["--events", "2000", "--rules", "600", "--writes", "3", "--warmup", "1", "--baseline-writes", "2", "--deliveries", "20"] },
};

/** The bench:* scripts package.json declares, each with its tiny size; throws on one without. */
export function benchScripts(packageJson = "package.json"): { script: string; size: TinySize }[] {
  const { scripts } = JSON.parse(readFileSync(packageJson, "utf8")) as { scripts: Record<string, string> };
  const names = Object.keys(scripts).filter((name) => name.startsWith("bench:"));
  const unsized = names.filter((name) => !(name in TINY));
  if (unsized.length) throw new Error(`No tiny size for ${unsized.join(", ")}: add one to scripts/test/bench-smoke.ts.`);
  return names.map((script) => ({ script, size: TINY[script] ?? {} }));
}

/** Runs every benchmark through `npm run`, its results written to a temporary folder that is removed after. */
export async function smokeBenchmarks(run: (label: string, command: string, args: string[], env: Record<string, string>) => Promise<void>): Promise<void> {
  const results = mkdtempSync(path.join(tmpdir(), "bench-smoke-"));
  try {
    for (const { script, size } of benchScripts()) {
      const args = size.args?.length ? ["run", script, "--", ...size.args] : ["run", script];
      await run(`Benchmark smoke: npm ${args.join(" ")}`, "npm", args, { ...size.env, BENCH_RESULTS_DIR: results });
    }
  } finally {
    rmSync(results, { recursive: true, force: true });
  }
}
