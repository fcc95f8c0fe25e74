// `npm run test:stress -- [runs]`: the end-to-end suite `runs` times in a row (3 by default)
// while a CPU-bound job keeps every core busy beside it, as on a CI machine shared with other
// work. Prints each run's time and failures; exits non-zero when any run had one. Not part of
// `npm test`: run it after changing timeouts, waits or anything that makes a journey slower.
// Playwright arguments after the count pass through, e.g. `-- 5 e2e/admin-data.spec.ts`.
import "./require-node";
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { startTestCluster } from "./db/throwaway";
import { bin, ensureChromium, run, runEndToEnd } from "./test/steps";

const [first, ...rest] = process.argv.slice(2);
const runs = first !== undefined && /^\d+$/.test(first) ? Number(first) : 3;
const playwrightArgs = first !== undefined && /^\d+$/.test(first) ? rest : process.argv.slice(2);
const BURNERS = Number(process.env.STRESS_CPU_JOBS ?? availableParallelism());

/** One process per core spinning on arithmetic: the "other work" of a busy machine. */
function startCpuLoad(): ChildProcess[] {
  const spin = "let x = 0; for (;;) x = (x * 1103515245 + 12345) % 2147483648;";
  return Array.from({ length: BURNERS }, () => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }));
}

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error("Give the number of runs as a positive integer: npm run test:stress -- 3");
  ensureChromium();
  await run("Production build (next build)", bin("next"), ["build"]);
  const cluster = await startTestCluster();
  const burners = startCpuLoad();
  console.log(`\n▶ ${runs} end-to-end runs beside ${burners.length} CPU-bound process(es)`);
  const results: { run: number; seconds: number; failures: string[] }[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const started = Date.now();
      const { report, error } = await runEndToEnd(cluster.url("postgres"), playwrightArgs, `End-to-end run ${i} of ${runs}`);
      const failures = report?.failures.length ? report.failures : error ? [error.message] : [];
      results.push({ run: i, seconds: (Date.now() - started) / 1000, failures });
    }
  } finally {
    for (const burner of burners) burner.kill();
    await cluster.stop();
  }
  console.log(`\nStress: ${runs} runs beside ${burners.length} CPU-bound process(es)`);
  for (const r of results) {
    console.log(`  run ${r.run}: ${r.seconds.toFixed(0)} s, ${r.failures.length} failed`);
    for (const name of r.failures) console.log(`    ✘ ${name}`);
  }
  if (results.some((r) => r.failures.length > 0)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(`\n✘ ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
