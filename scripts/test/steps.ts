// The pieces `npm test` and `npm run test:stress` are made of: running a step with its output
// watched for lines no step may print, Debian's Chromium, the end-to-end run on a throwaway
// database, and the closing summary (each step's time, the five slowest tests, the tally).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createThrowawayDatabase } from "../db/throwaway";
import { outputWatcher } from "./forbidden-output";
import { readReport, slowest, type ReportSummary, type TestTiming } from "./reports";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Where playwright.config.ts has Playwright write its JSON report. */
const E2E_REPORT = "test-results/e2e.json";

const tally = { passed: 0, failed: 0, skipped: 0 };
const steps: { label: string; seconds: number; ok: boolean }[] = [];
const timings: TestTiming[] = [];

export function bin(name: string): string {
  return `node_modules/.bin/${name}`;
}

/** Runs one step, passing its output through while watching it for lines no step may print. */
export function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
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

/** Adds a step's report to the closing tally and the slowest-tests list, and returns it. */
export function count(report: string, kind: "vitest" | "playwright"): ReportSummary | null {
  const summary = readReport(report, kind);
  if (!summary) return null;
  tally.passed += summary.passed;
  tally.failed += summary.failed;
  tally.skipped += summary.skipped;
  timings.push(...summary.tests);
  return summary;
}

export function printSummary(totalSeconds: number): void {
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
export function ensureChromium(): void {
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

/**
 * Playwright's whole suite (or the specs in `args`) against a new, migrated database on
 * `serverUrl`: its report, and the error the run ended with (a failed test, forbidden output),
 * if any.
 */
export async function runEndToEnd(
  serverUrl: string,
  args: string[],
  label = "End-to-end tests (Playwright, Chromium)",
): Promise<{ report: ReportSummary | null; error: Error | null }> {
  const database = await createThrowawayDatabase(serverUrl, "maghreb_e2e");
  // A run that dies before writing its report must not be read as the previous run's.
  rmSync(E2E_REPORT, { force: true });
  let error: Error | null = null;
  try {
    // The spec files named on the command line, for playwright.config.ts to order them.
    const chosenFiles = args.filter((arg) => /\.spec\.ts$/.test(arg)).join(",");
    await run(label, bin("playwright"), ["test", ...args], { DATABASE_URL: database.url, E2E_CHOSEN_FILES: chosenFiles });
  } catch (e) {
    error = e instanceof Error ? e : new Error(String(e));
  } finally {
    await database.dispose();
  }
  return { report: count(E2E_REPORT, "playwright"), error };
}
