// End-to-end tests: the production build, served by the same start script users run, against a
// throwaway database (DATABASE_URL from `npm test`), in Debian's Chromium.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

if (!process.env.DATABASE_URL) {
  throw new Error("Playwright needs a throwaway DATABASE_URL: run it through `npm test` (or `npm run test:e2e`).");
}
const host = new URL(process.env.DATABASE_URL).hostname;
if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
  throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // Signs each demo user in once, over HTTP, into e2e/.auth/<role>.json.
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    // A DATABASE_URL server needs a configured AUTH_SECRET; this one exists for these tests only.
    env: { PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "1", DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: "e2e-only-secret-not-for-any-real-server" },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 10_000 },
  },
});
