// What `npm test` prints at the end, read from the Vitest and Playwright JSON reports each step
// writes: the pass/fail tally and the slowest tests, so a journey that got slow is seen at once.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface TestTiming {
  name: string;
  seconds: number;
}

export interface ReportSummary {
  passed: number;
  failed: number;
  skipped: number;
  tests: TestTiming[];
  /** The names of the tests that failed, as the timings name them. */
  failures: string[];
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string; duration?: number | null }[] }[];
}

interface PlaywrightSuite {
  file: string;
  specs?: { title: string; line: number; tests: { status: string; results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  suites: PlaywrightSuite[];
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
}

const relative = (file: string) => path.relative(process.cwd(), path.resolve(file));

function vitestSummary(json: VitestReport): ReportSummary {
  const results = json.testResults.flatMap((file) => file.assertionResults.map((test) => ({ test, name: `${relative(file.name)} › ${test.fullName}` })));
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests,
    tests: results.map(({ test, name }) => ({ name, seconds: (test.duration ?? 0) / 1000 })),
    failures: results.filter(({ test }) => test.status === "failed").map(({ name }) => name),
  };
}

function playwrightTests(suite: PlaywrightSuite): (TestTiming & { failed: boolean })[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.flatMap((test) =>
      test.results.map((result) => ({ name: `e2e/${suite.file}:${spec.line} › ${spec.title}`, seconds: result.duration / 1000, failed: test.status !== "expected" && test.status !== "skipped" })),
    ),
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => playwrightTests({ ...child, file: child.file || suite.file }))];
}

function playwrightSummary(json: PlaywrightReport): ReportSummary {
  const { expected, unexpected, skipped, flaky } = json.stats;
  // Retries are 0, so "flaky" cannot occur; were it ever to, it counts as a failure, not a pass.
  const tests = json.suites.flatMap(playwrightTests);
  return { passed: expected, failed: unexpected + flaky, skipped, tests, failures: tests.filter((t) => t.failed).map((t) => t.name) };
}

/** The report a step wrote, or null when it wrote none (it failed before running any test). */
export function readReport(file: string, kind: "vitest" | "playwright"): ReportSummary | null {
  if (!existsSync(file)) return null;
  const json: unknown = JSON.parse(readFileSync(file, "utf8"));
  return kind === "vitest" ? vitestSummary(json as VitestReport) : playwrightSummary(json as PlaywrightReport);
}

export function slowest(tests: readonly TestTiming[], n: number): TestTiming[] {
  return [...tests].sort((a, b) => b.seconds - a.seconds).slice(0, n);
}
