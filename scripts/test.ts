// `npm test`: every check, in the order that fails fastest, against real parts only —
// typecheck, lint, unit tests, production build, integration tests on a real PostgreSQL
// (one embedded server, a throwaway database per suite), faults (the built server while its
// own PostgreSQL is stopped, and killed), every bench:* at a tiny size (scripts/test/bench-smoke.ts),
// Playwright in Debian's Chromium.
// `--only <step>` runs one step (with what it needs), e.g. `npm run test:e2e`; any other argument
// goes to Playwright, e.g. `npm run test:e2e -- e2e/admin-agreements.spec.ts`.
// It ends with each step's time and the five slowest tests, and fails a step whose output holds
// a line no step may print (scripts/test/forbidden-output.ts), even when its tests passed.
import "./require-node";
import { rmSync } from "node:fs";
import { startTestCluster } from "./db/throwaway";
import type { EmbeddedCluster } from "./db/embedded";
import { smokeBenchmarks } from "./test/bench-smoke";
import { bin, count, ensureChromium, printSummary, run, runEndToEnd } from "./test/steps";
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
/** Further arguments go to Playwright: `npm run test:e2e -- e2e/admin-import.spec.ts` runs one spec. */
const playwrightArgs = process.argv.slice(2).filter((arg, i, all) => arg !== "--only" && all[i - 1] !== "--only");
const wanted = (step: string) => !only || only === step;

async function main(): Promise<void> {
  const started = Date.now();
  rmSync("test-results", { recursive: true, force: true });
  let cluster: EmbeddedCluster | undefined;
  try {
    if (wanted("e2e") || wanted("bench")) ensureChromium();
    if (wanted("typecheck")) await run("Typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]);
    if (wanted("lint")) await run("Lint (oxlint)", bin("oxlint"), ["--deny-warnings"]);
    if (wanted("unit")) {
      await run("Unit tests (vitest)", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"]).finally(() =>
        count("test-results/unit.json", "vitest"),
      );
    }
    if (wanted("build") || wanted("integration") || wanted("faults") || wanted("bench") || wanted("e2e")) await run("Production build (next build)", bin("next"), ["build"]);

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
    // Each benchmark starts its own PostgreSQL (and the built server where it measures HTTP).
    if (wanted("bench")) await smokeBenchmarks(run);
    if (wanted("e2e") && cluster) {
      const { error } = await runEndToEnd(cluster.url("postgres"), playwrightArgs);
      if (error) throw error;
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
