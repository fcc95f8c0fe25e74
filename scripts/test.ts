// `npm test`: every check, in the order that fails fastest, against real parts only —
// typecheck, lint, unit tests, production build, integration tests on a real PostgreSQL
// (one embedded server, a throwaway database per suite), faults (the built server while its
// own PostgreSQL is stopped, and killed), Playwright in Debian's Chromium.
// `--only <step>` runs one step (with what it needs), e.g. `npm run test:e2e`; any other argument
// goes to Playwright, e.g. `npm run test:e2e -- e2e/admin-agreements.spec.ts`.
// It ends with each step's time and the five slowest tests, and fails a step whose output holds
// a line no step may print (scripts/test/forbidden-output.ts), even when its tests passed.
import "./require-node";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createThrowawayDatabase, startTestCluster } from "./db/throwaway";
import type { EmbeddedCluster } from "./db/embedded";
import { outputWatcher } from "./test/forbidden-output";
import { readReport, slowest, type TestTiming } from "./test/reports";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
/** Further arguments go to Playwright: `npm run test:e2e -- e2e/admin-import.spec.ts` runs one spec. */
const playwrightArgs = process.argv.slice(2).filter((arg, i, all) => arg !== "--only" && all[i - 1] !== "--only");
const tally = { passed: 0, failed: 0, skipped: 0 };
const steps: { label: string; seconds: number; ok: boolean }[] = [];
const timings: TestTiming[] = [];

function bin(name: string): string {
  return `node_modules/.bin/${name}`;
}

/** Runs one step, passing its output through while watching it for lines no step may print. */
function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const watcher = outputWatcher();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["inherit", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      from.setEncoding("utf8");
      from.on("data", (chunk: string) => {
        watcher.scan(chunk);
        to.write(chunk);
      });
    }
    child.on("close", (code) => {
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0 && watcher.problems.length === 0;
      steps.push({ label, seconds, ok });
      if (ok) {
        console.log(`✔ ${label} (${seconds.toFixed(1)} s)`);
        resolve();
      } else if (code !== 0) reject(new Error(`${label} failed (exit ${code}, ${seconds.toFixed(1)} s)`));
      else reject(new Error(`${label} printed what no step may print:\n  - ${watcher.problems.join("\n  - ")}`));
    });
  });
}

/** Adds a step's report to the closing tally and the slowest-tests list. */
function count(report: string, kind: "vitest" | "playwright"): void {
  const summary = readReport(report, kind);
  if (!summary) return;
  tally.passed += summary.passed;
  tally.failed += summary.failed;
  tally.skipped += summary.skipped;
  timings.push(...summary.tests);
}

function printSummary(totalSeconds: number): void {
  console.log("\nSteps:");
  for (const step of steps) console.log(`  ${step.ok ? "✔" : "✘"} ${step.seconds.toFixed(1).padStart(6)} s  ${step.label}`);
  if (timings.length) {
    console.log("Slowest tests:");
    for (const test of slowest(timings, 5)) console.log(`  ${test.seconds.toFixed(1).padStart(6)} s  ${test.name}`);
  }
  console.log(`\nAll steps took ${totalSeconds.toFixed(0)} s.`);
  console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}

/** Debian's Chromium, never a downloaded browser: installed here when missing and we are root. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  console.log("▶ Installing Debian's chromium (apt-get) for the end-to-end tests…");
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: install chromium by hand.`);
  }
}

const wanted = (step: string) => !only || only === step;

async function main(): Promise<void> {
  const started = Date.now();
  rmSync("test-results", { recursive: true, force: true });
  let cluster: EmbeddedCluster | undefined;
  try {
    if (wanted("e2e")) ensureChromium();
    if (wanted("typecheck")) await run("Typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]);
    if (wanted("lint")) await run("Lint (oxlint)", bin("oxlint"), ["--deny-warnings"]);
    if (wanted("unit")) {
      await run("Unit tests (vitest)", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"]).finally(() =>
        count("test-results/unit.json", "vitest"),
      );
    }
    if (wanted("build") || wanted("integration") || wanted("faults") || wanted("e2e")) await run("Production build (next build)", bin("next"), ["build"]);

    if (wanted("integration") || wanted("e2e")) {
      console.log("\n▶ Starting an embedded PostgreSQL for this run");
      cluster = await startTestCluster();
    }
    if (wanted("integration") && cluster) {
      await run(
        "Integration tests (vitest, real PostgreSQL)",
        bin("vitest"),
        ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=test-results/integration.json"],
        { TEST_PG_URL: cluster.url("postgres") },
      ).finally(() => count("test-results/integration.json", "vitest"));
    }
    if (wanted("faults")) {
      await run("Fault tests (production server, PostgreSQL stopped and app killed under load)", bin("vitest"), [
        "run",
        "--project",
        "faults",
        "--reporter=default",
        "--reporter=json",
        "--outputFile=test-results/faults.json",
      ]).finally(() => count("test-results/faults.json", "vitest"));
    }
    if (wanted("e2e") && cluster) {
      const database = await createThrowawayDatabase(cluster.url("postgres"), "maghreb_e2e");
      try {
        await run("End-to-end tests (Playwright, Chromium)", bin("playwright"), ["test", ...playwrightArgs], { DATABASE_URL: database.url });
      } finally {
        count("test-results/e2e.json", "playwright");
        await database.dispose();
      }
    }
  } finally {
    await cluster?.stop();
    printSummary((Date.now() - started) / 1000);
  }
}

main().catch((e: unknown) => {
  console.error(`\n✘ ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
