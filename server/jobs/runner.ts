// The job runner: pg-boss on the app's PostgreSQL. Each job has a queue (queue.ts), a cron
// schedule and a worker. pg-boss's cron pass sends each occurrence once however many runners
// share the database, and the `stately` queue lets one of them run it at a time.
import { PgBoss, type Job } from "pg-boss";
import type { Db } from "../db-client";
import { isSourceUnreachable } from "../ingest/unreachable";
import type { JobDefinition } from "./definition";
import { DEFAULT_RETRY, PGBOSS_SCHEMA, QUEUE_POLICY, queueSettings, runRequest, STARTUP_THROTTLE_SECONDS, type RetryPolicy, type RunRequest } from "./queue";
import { errorText, finishRun, finishUnreachable, recordFinishedRun, startRun } from "./record";

export interface RunnerOptions {
  databaseUrl: string;
  /** The client jobs and the run history write through. */
  db: Db;
  jobs: readonly JobDefinition[];
  log?: (line: string) => void;
  retry?: RetryPolicy;
  /** How often an idle worker asks for work; tests shorten it. */
  pollingIntervalSeconds?: number;
  /** Send each job's startup run (tests turn it off to count runs exactly). */
  startupRuns?: boolean;
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

/** pg-boss's own connections, beside the app's pool: polling and bookkeeping need few. */
const RUNNER_POOL_SIZE = 3;

export async function startJobRunner(options: RunnerOptions): Promise<JobRunner> {
  const { db, jobs, log = (line) => console.log(`[jobs] ${line}`), retry = DEFAULT_RETRY } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: PGBOSS_SCHEMA,
    max: RUNNER_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    application_name: "maghreb-jobs",
    openTelemetry: { enabled: false },
  });
  let stopping = false;
  const report = onceInAWhile(log);
  // Once stopping, the database may be going away too (the embedded one stops beside us).
  boss.on("error", (error) => stopping || report(error));

  await boss.start();
  for (const job of jobs) {
    const settings = queueSettings(retry);
    await boss.createQueue(job.name, { policy: QUEUE_POLICY, ...settings });
    // createQueue keeps an existing queue's settings: bring them up to date.
    await boss.updateQueue(job.name, settings);
    await boss.schedule(job.name, job.cron, { trigger: "SCHEDULE" } satisfies RunRequest, { tz: "UTC" });
    await boss.work<RunRequest>(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async ([queued]) => {
      if (queued) await attempt(job, queued);
    });
  }
  // A job switched off (INGEST=0) or removed from the registry stops being scheduled everywhere.
  const names = new Set(jobs.map((j) => j.name));
  for (const schedule of await boss.getSchedules()) {
    if (!names.has(schedule.name)) await boss.unschedule(schedule.name, schedule.key);
  }
  if (options.startupRuns ?? true) {
    for (const job of jobs.filter((j) => j.runAtStartup)) {
      await boss.send(job.name, { trigger: "STARTUP" } satisfies RunRequest, { singletonSeconds: STARTUP_THROTTLE_SECONDS });
    }
  }
  log(`Running ${jobs.map((j) => `${j.name} (${j.cron})`).join(", ") || "no jobs"}.`);

  async function attempt(job: JobDefinition, queued: Job<RunRequest>): Promise<void> {
    if (job.recordOnlyWork) return attemptRecordingWork(job, queued);
    const { trigger } = runRequest.parse(queued.data ?? {});
    const started = Date.now();
    const run = await startRun({ db, job: job.name, trigger, queueJobId: queued.id, attempt: queued.retryCount });
    const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    try {
      const counts = await job.run({ signal: queued.signal, db });
      await finishRun({ db, id: run.id, outcome: { ok: true, counts } });
      log(`${job.name}: read ${counts.read}, kept ${counts.kept} (${took()}, ${trigger.toLowerCase()})`);
    } catch (error) {
      if (isSourceUnreachable(error)) {
        // Offline is normal: no retries with backoff, the next schedule tries again.
        if (await finishUnreachable({ db, id: run.id, job: job.name, error: error.message })) log(`${job.name}: ${error.message}; next try on schedule`);
        return;
      }
      await finishRun({ db, id: run.id, outcome: { ok: false, error: errorText(error) } });
      log(`${job.name}: attempt ${queued.retryCount + 1} failed after ${took()}: ${errorText(error)}`);
      throw error; // pg-boss retries with backoff
    }
  }

  /** A `recordOnlyWork` job: run first, write the history row only for a run that found work or failed. */
  async function attemptRecordingWork(job: JobDefinition, queued: Job<RunRequest>): Promise<void> {
    const run = { job: job.name, trigger: runRequest.parse(queued.data ?? {}).trigger, queueJobId: queued.id, attempt: queued.retryCount };
    const startedAt = new Date();
    try {
      const counts = await job.run({ signal: queued.signal, db });
      await recordFinishedRun({ db, run, startedAt, outcome: { ok: true, counts } });
      if (counts.read > 0 || counts.kept > 0) log(`${job.name}: read ${counts.read}, kept ${counts.kept}`);
    } catch (error) {
      await recordFinishedRun({ db, run, startedAt, outcome: { ok: false, error: errorText(error) } });
      log(`${job.name}: attempt ${queued.retryCount + 1} failed: ${errorText(error)}`);
      throw error;
    }
  }

  return {
    boss,
    // Gives a running job time to finish; one cut short is retried by whichever runner is left.
    stop: () => {
      stopping = true;
      return boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/** pg-boss reports a database outage on every poll: one line per distinct message a minute. */
function onceInAWhile(log: (line: string) => void) {
  const last = new Map<string, number>();
  return (error: Error) => {
    const message = errorText(error);
    const now = Date.now();
    if (now - (last.get(message) ?? 0) < 60_000) return;
    last.set(message, now);
    log(`pg-boss: ${message}`);
  };
}
