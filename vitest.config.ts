import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "scripts/test/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    // One worker per core. Vitest's default leaves one core to itself (1 worker on this 2-core
    // machine), yet its workers spend much of their time waiting on PostgreSQL or on imports the
    // other core can serve (BENCHMARKS.md, "Unit and integration steps").
    maxWorkers: availableParallelism(),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "app/**/*.test.ts", "i18n/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/*.faults.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["scripts/test/integration-setup.ts"],
          // Admins save directly unless a test turns review on (createContextInner's reviewRequired):
          // the drafts' own tests do, every other test writes records as a one-admin deployment.
          env: { REVIEW_REQUIRED: "0" },
          // Files share one server; each gets its own database where it needs isolation.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The production server under faults: needs `next build` first, starts its own PostgreSQL.
          name: "faults",
          include: ["**/*.faults.test.ts"],
          exclude: ["node_modules/**"],
          // Each scenario loads the machine and serves on FAULTS_PORT: one file at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 150_000,
        },
      },
    ],
  },
});
