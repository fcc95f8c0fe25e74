// The runner on a real PostgreSQL: runs recorded with their counts, retries, "source unreachable"
// once an hour, and several runners sharing one database.
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { SourceUnreachableError } from "../ingest/unreachable";
import type { JobCounts, JobDefinition } from "./definition";
import type { RunRequest } from "./queue";
import { startJobRunner, type JobRunner } from "./runner";

const SETTLED = { timeout: 30_000, interval: 100 };
/**
 * Every job's cron falls due half an hour from now, never while the tests run: pg-boss's own cron
 * pass would otherwise add a SCHEDULE run of its own whenever a test ran just after one fell due.
 */
const QUIET_CRON = `${(new Date().getUTCMinutes() + 30) % 60} * * * *`;

describe("the job runner", async () => {
  const { url, db } = await useTestDatabase();
  let runners: JobRunner[] = [];
  /** What the runners logged, pg-boss's errors among it: shown when a wait on pg-boss fails. */
  let logged: string[] = [];
  afterEach(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    runners = [];
    logged = [];
  });

  const job = (name: string, run: () => Promise<JobCounts>, extra: Partial<JobDefinition> = {}): JobDefinition => ({
    name,
    label: name,
    kind: "ingest",
    cron: QUIET_CRON,
    run,
    ...extra,
  });
  async function start(jobs: JobDefinition[], options: { log?: (line: string) => void; startupRuns?: boolean } = {}) {
    const runner = await startJobRunner({
      databaseUrl: url,
      db,
      jobs,
      log: (line) => {
        logged.push(line);
        options.log?.(line);
      },
      pollingIntervalSeconds: 0.5,
      retry: { limit: 2, delaySeconds: 1, maxDelaySeconds: 1 },
      startupRuns: options.startupRuns ?? false,
    });
    runners.push(runner);
    return runner;
  }
  const request = (runner: JobRunner, name: string, trigger: RunRequest["trigger"]) => runner.boss.send(name, { trigger } satisfies RunRequest);
  async function queued(runner: JobRunner, name: string, trigger: RunRequest["trigger"]): Promise<string> {
    const id = await request(runner, name, trigger);
    if (!id) throw new Error(`The ${trigger} run of ${name} was not queued: a run was already waiting.`);
    return id;
  }
  /** Our run row is finished inside the handler, before pg-boss marks its job completed and lets the queue move on. */
  const completed = (runner: JobRunner, name: string, id: string) =>
    vi.waitFor(async () => expect((await runner.boss.getJobById(name, id))?.state, logged.join("\n")).toBe("completed"), SETTLED);
  const runsOf = (name: string) => db.jobRun.findMany({ where: { job: name }, orderBy: { id: "asc" } });

  it("schedules each job by its cron and records a run with what it read and kept", async () => {
    const runner = await start([job("counts", async () => ({ read: 3, kept: 2 }))]);
    expect((await runner.boss.getSchedules("counts")).map((s) => s.cron)).toEqual([QUIET_CRON]);
    const scheduled = await queued(runner, "counts", "SCHEDULE");
    await completed(runner, "counts", scheduled);
    const manual = await queued(runner, "counts", "MANUAL");
    await completed(runner, "counts", manual);
    const runs = await runsOf("counts");
    expect(runs.map((r) => [r.trigger, r.ok, r.rowsRead, r.rowsKept, r.error])).toEqual([
      ["SCHEDULE", true, 3, 2, null],
      ["MANUAL", true, 3, 2, null],
    ]);
    expect(runs.every((r) => r.finishedAt && r.finishedAt >= r.startedAt)).toBe(true);
  });

  it("records a recordOnlyWork job's run only when it found work", async () => {
    const counts = [{ read: 0, kept: 0 }, { read: 2, kept: 1 }];
    const runner = await start([job("quiet", async () => counts.shift() ?? { read: 0, kept: 0 }, { recordOnlyWork: true })]);
    await completed(runner, "quiet", await queued(runner, "quiet", "SCHEDULE"));
    expect(await runsOf("quiet")).toEqual([]);
    await completed(runner, "quiet", await queued(runner, "quiet", "MANUAL"));
    expect((await runsOf("quiet")).map((r) => [r.trigger, r.ok, r.rowsRead, r.rowsKept, r.finishedAt !== null])).toEqual([["MANUAL", true, 2, 1, true]]);
  });

  it("retries a failing job with backoff and records every failed attempt with its message", async () => {
    let attempts = 0;
    const runner = await start([
      job("flaky", async () => {
        attempts += 1;
        if (attempts < 3) throw new Error(`the feed answered 500 (attempt ${attempts})`);
        return { read: 1, kept: 1 };
      }),
    ]);
    await request(runner, "flaky", "MANUAL");
    await vi.waitFor(async () => expect((await runsOf("flaky")).filter((r) => r.ok)).toHaveLength(1), SETTLED);
    const runs = await runsOf("flaky");
    expect(runs.map((r) => [r.attempt, r.ok, r.error])).toEqual([
      [0, false, "the feed answered 500 (attempt 1)"],
      [1, false, "the feed answered 500 (attempt 2)"],
      [2, true, null],
    ]);
    expect(new Set(runs.map((r) => r.queueJobId)).size).toBe(1);
  });

  it("records an unreachable source once an hour, counts the later failures and does not retry them", async () => {
    const lines: string[] = [];
    let attempts = 0;
    const runner = await start(
      [
        job("offline", async () => {
          attempts += 1;
          throw new SourceUnreachableError("http://127.0.0.1:9/lastupdate.txt", { cause: new Error("ECONNREFUSED") });
        }),
      ],
      { log: (line) => lines.push(line) },
    );
    for (let i = 1; i <= 3; i++) {
      await completed(runner, "offline", await queued(runner, "offline", "SCHEDULE"));
      expect(attempts).toBe(i);
      expect(await db.jobRun.count({ where: { job: "offline", finishedAt: null } })).toBe(0);
    }
    const runs = await runsOf("offline");
    expect(runs.map((r) => [r.ok, r.unreachable, r.repeats, r.error])).toEqual([[false, true, 2, "http://127.0.0.1:9/lastupdate.txt: source unreachable"]]);
    expect(lines.filter((l) => l.includes("unreachable"))).toHaveLength(1);
    // Not retried: every pg-boss job of the queue completed at its first attempt.
    const jobs = await runner.boss.findJobs("offline");
    expect(jobs.map((j) => [j.state, j.retryCount])).toEqual([
      ["completed", 0],
      ["completed", 0],
      ["completed", 0],
    ]);
  });

  it("runs each request once, one at a time, with two runners on one database", async () => {
    let active = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const shared = job(
      "shared",
      async () => {
        active += 1;
        runs += 1;
        mostAtOnce = Math.max(mostAtOnce, active);
        await new Promise((resolve) => setTimeout(resolve, 300));
        active -= 1;
        return { read: 0, kept: 0 };
      },
      { runAtStartup: true },
    );
    const [first] = [await start([shared], { startupRuns: true }), await start([shared], { startupRuns: true })];
    // Both runners started, one startup run between them.
    await vi.waitFor(async () => expect(await db.jobRun.count({ where: { job: "shared", ok: true } })).toBe(1), SETTLED);
    const sent = [await request(first, "shared", "MANUAL"), await request(first, "shared", "MANUAL"), await request(first, "shared", "MANUAL")];
    const accepted = sent.filter((id) => id !== null).length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    await vi.waitFor(async () => expect(await db.jobRun.count({ where: { job: "shared", ok: true } })).toBe(1 + accepted), SETTLED);
    expect(runs).toBe(1 + accepted);
    expect(mostAtOnce).toBe(1);
    expect((await runsOf("shared")).map((r) => r.trigger).sort()).toEqual(["STARTUP", ...Array<string>(accepted).fill("MANUAL")].sort());
    expect(await first.boss.getSchedules("shared")).toHaveLength(1);
  });
});
