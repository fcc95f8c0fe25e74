// End-to-end tests: the production build, served by the same start script users run, against a
// throwaway database (DATABASE_URL from `npm test`), in Debian's Chromium.
import { defineConfig, devices } from "@playwright/test";
import { APP_PORT, GDELT_PORT } from "./e2e/fixtures/ports";

const port = APP_PORT;
const baseURL = `http://127.0.0.1:${port}`;

if (!process.env.DATABASE_URL) {
  throw new Error("Playwright needs a throwaway DATABASE_URL: run it through `npm test` (or `npm run test:e2e`).");
}
const host = new URL(process.env.DATABASE_URL).hostname;
if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
  throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
}

/**
 * Every wait of the suite, sized for the machine CI runs on: 2 cores shared by the production
 * server, PostgreSQL and Chromium rendering in software, sometimes beside other work. There a
 * step the user sees in 0.3 s quiet can take 5 s, so a short expectation timeout fails a correct
 * app. Tests wait for what a user waits for (a heading, a URL, a row), never for a fixed time;
 * these limits only decide how long a broken page takes to be reported. `npm run test:stress`
 * runs the suite beside a CPU-bound job to check they hold.
 */
export const WAITS = {
  /** One assertion (`expect(…).toHaveURL`, `toBeVisible`…) retried until it holds. */
  expectation: 20_000,
  /** One click, fill or selection: the element must become actionable within this. */
  action: 20_000,
  /** One page load or navigation, server render included. */
  navigation: 45_000,
  /** A whole test: the longest journeys make about fifteen page loads and saves. */
  test: 120_000,
} as const;

/**
 * Two workers, one per core: measured against one on a machine at load average 12–14, two
 * finished the suite in 339 s against 474 s, both with no failure (BENCHMARKS.md, "End-to-end
 * suite"). Tests share nothing but the seeded data they only read, so they can run side by side; the few
 * that move a seeded value today run after the others (MOVES_THE_INDEX).
 */
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);

/** Journeys that change a seeded dyad's value today (dashboard.spec reads those values). */
const MOVES_THE_INDEX = /\/(alerts|drafts|proposed-conditions|review-queue)\.spec\.ts$/;

/** Spec files named on the command line (E2E_CHOSEN_FILES, from scripts/test/steps.ts) all move the index. */
function onlyMovesChosen(): boolean {
  const chosen = (process.env.E2E_CHOSEN_FILES ?? "").split(",").filter(Boolean);
  return chosen.length > 0 && chosen.every((file) => MOVES_THE_INDEX.test(`/${file}`));
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: WORKERS,
  forbidOnly: true,
  // A test that fails under load is a bug to fix, never retried into green.
  retries: 0,
  timeout: WAITS.test,
  expect: { timeout: WAITS.expectation },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    actionTimeout: WAITS.action,
    navigationTimeout: WAITS.navigation,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // Signs each demo user in once, over HTTP, into e2e/.auth/<role>.json.
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: MOVES_THE_INDEX },
    // Journeys that move a seeded dyad's value today run after every journey that reads those values.
    // (Playwright runs a dependency's every test, whatever files are named: when only such journeys
    // are chosen on the command line, they need nothing but the sign-ins.)
    {
      name: "moves-the-index",
      use: { ...devices["Desktop Chrome"] },
      dependencies: onlyMovesChosen() ? ["setup"] : ["chromium"],
      testMatch: MOVES_THE_INDEX,
    },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    // A DATABASE_URL server needs a configured AUTH_SECRET; this one exists for these tests only.
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "1",
      DATABASE_URL: process.env.DATABASE_URL,
      AUTH_SECRET: "e2e-only-secret-not-for-any-real-server",
      GDELT_BASE_URL: `http://127.0.0.1:${GDELT_PORT}/gdeltv2`,
      INGEST: "1",
      // The news feeds the journeys register are served on 127.0.0.1.
      ALLOW_LOOPBACK_TARGETS: "1",
      // Admins publish directly, as every journey was written; e2e/drafts.spec.ts submits for review
      // by choice, which this setting allows (REVIEW_REQUIRED=1 only removes direct publishing).
      REVIEW_REQUIRED: "0",
    },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 10_000 },
  },
});
