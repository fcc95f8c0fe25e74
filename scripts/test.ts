// `npm test`: every check, in the order that fails fastest, against real parts only —
// typecheck, lint, unit tests, production build, integration tests on a real PostgreSQL
// (one embedded server, a throwaway database per suite), faults (the built server while its
// own PostgreSQL is stopped, and killed), Playwright in Debian's Chromium.
// `--only <step>` runs one step (with what it needs), e.g. `npm run test:e2e`; any other argument
// goes to Playwright, e.g. `npm run test:e2e -- e2e/admin-agreements.spec.ts`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createThrowawayDatabase, startTestCluster } from "./db/throwaway";
import type { EmbeddedCluster } from "./db/embedded";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
/** Further arguments go to Playwright: `npm run test:e2e -- e2e/admin-import.spec.ts` runs one spec. */
const playwrightArgs = process.argv.slice(2).filter((arg, i, all) => arg !== "--only" && all[i - 1] !== "--only");
const tally = { passed: 0, failed: 0, skipped: 0 };

function bin(name: string): string {
  return `node_modules/.bin/${name}`;
}

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`✔ ${label} (${seconds} s)`);
        resolve();
      } else reject(new Error(`${label} failed (exit ${code}, ${seconds} s)`));
    });
  });
}

/** Counts from a Vitest or Playwright JSON report, for the closing line. */
function count(report: string, kind: "vitest" | "playwright"): void {
  if (!existsSync(report)) return;
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    stats?: { expected: number; unexpected: number; skipped: number; flaky: number };
  };
  if (kind === "vitest") {
    tally.passed += json.numPassedTests ?? 0;
    tally.failed += json.numFailedTests ?? 0;
    tally.skipped += json.numPendingTests ?? 0;
  } else if (json.stats) {
    tally.passed += json.stats.expected + json.stats.flaky;
    tally.failed += json.stats.unexpected;
    tally.skipped += json.stats.skipped;
  }
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
    console.log(`\nAll steps took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  }
}

main().catch((e: unknown) => {
  console.error(`\n✘ ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
