// The admin page's view of the jobs, and "Run now". Runs are read from JobRun (ours); what waits
// in a queue is read from pg-boss's job table, which its documentation allows reading directly.
import { fromPrisma, PgBoss } from "pg-boss";
import { recordAudit } from "../admin/audit";
import { databaseUrlOf, type Db } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../shared/errors";
import { isDatabaseUnavailable } from "../shared/unavailable";
import { enabledJobs, jobDefinitions, jobNamed } from "./registry";
import { PGBOSS_SCHEMA, RUN_EXPIRES_SECONDS, type RunRequest } from "./queue";
import { nextRunAt, scheduleInWords } from "./schedule";
import { said } from "../shared/said";

const runSelect = {
  id: true,
  job: true,
  trigger: true,
  attempt: true,
  startedAt: true,
  finishedAt: true,
  ok: true,
  rowsRead: true,
  rowsKept: true,
  error: true,
  unreachable: true,
  repeats: true,
} satisfies Prisma.JobRunSelect;

type RunRow = Prisma.JobRunGetPayload<{ select: typeof runSelect }>;
const shapeRun = (r: RunRow) => ({ ...r, id: r.id.toString() });
export type JobRunSummary = ReturnType<typeof shapeRun>;

export const RECENT_RUNS = 20;

interface Waiting {
  name: string;
  state: "created" | "retry" | "active";
  trigger: string | null;
  startAfter: Date;
}

/**
 * Runs waiting in pg-boss's queues, and those a worker has just taken (active) but not yet
 * recorded in JobRun; none before a runner has installed pg-boss's schema.
 */
async function waitingRuns(db: Db, names: string[]): Promise<Waiting[]> {
  const [installed] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${`${PGBOSS_SCHEMA}.job`}) IS NOT NULL AS ok`;
  if (!installed?.ok) return [];
  return db.$queryRaw<Waiting[]>`
    SELECT name, state::text AS state, data->>'trigger' AS trigger, start_after AS "startAfter"
    FROM ${Prisma.raw(`${PGBOSS_SCHEMA}.job`)}
    WHERE name = ANY(${names}) AND state IN ('created', 'retry', 'active')
    ORDER BY start_after`;
}

export async function jobsOverview({ db, settings, now = new Date() }: { db: Db; settings: { INGEST: boolean }; now?: Date }) {
  const names = jobDefinitions.map((j) => j.name);
  const enabled = new Set(enabledJobs(settings).map((j) => j.name));
  const [waiting, recent, unfinished] = [
    await waitingRuns(db, names),
    await db.jobRun.findMany({ select: runSelect, orderBy: { id: "desc" }, take: RECENT_RUNS }),
    // Older than a run may last, an unfinished attempt is dead: pg-boss retries it.
    await db.jobRun.findMany({ where: { finishedAt: null, startedAt: { gte: new Date(now.getTime() - RUN_EXPIRES_SECONDS * 1000) } }, select: runSelect }),
  ];
  const jobs = [];
  for (const job of jobDefinitions) {
    const last = await db.jobRun.findFirst({ where: { job: job.name, finishedAt: { not: null } }, select: runSelect, orderBy: { id: "desc" } });
    const next = waiting.find((w) => w.name === job.name && w.state !== "active");
    // Taken by a worker a moment before its run row is written: running, so the page keeps refreshing.
    const taken = waiting.some((w) => w.name === job.name && w.state === "active");
    jobs.push({
      name: job.name,
      label: job.label,
      kind: job.kind,
      cron: job.cron,
      schedule: scheduleInWords(job.cron),
      enabled: enabled.has(job.name),
      nextRunAt: enabled.has(job.name) ? nextRunAt(job.cron, now) : null,
      lastRun: last ? shapeRun(last) : null,
      running: taken || unfinished.some((r) => r.job === job.name),
      waiting: next ? { retry: next.state === "retry", trigger: next.trigger, startAfter: next.startAfter } : null,
    });
  }
  return { jobs, recent: recent.map(shapeRun) };
}

export type JobsOverview = Awaited<ReturnType<typeof jobsOverview>>;

const RUNNER_NOT_STARTED = said("jobRunnerNotStarted");

/**
 * A pg-boss client for the length of one call, on one connection of its own: the app sends jobs
 * but never works them, so it keeps no pg-boss timers or pool running between clicks.
 */
async function withQueue<T>(db: Db, use: (boss: PgBoss) => Promise<T>): Promise<T> {
  const [installed] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${`${PGBOSS_SCHEMA}.queue`}) IS NOT NULL AS ok`;
  if (!installed?.ok) throw new AppError("CONFLICT", RUNNER_NOT_STARTED);
  const boss = new PgBoss({
    connectionString: databaseUrlOf(db),
    max: 1,
    connectionTimeoutMillis: 5_000,
    schema: PGBOSS_SCHEMA,
    migrate: false,
    supervise: false,
    schedule: false,
    registerInstance: false,
    openTelemetry: { enabled: false },
  });
  boss.on("error", (error) => console.error(`[jobs] pg-boss: ${error.message}`));
  await boss.start();
  try {
    return await use(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}

/**
 * Queues a manual run and audits it, in one transaction. `queued: false` when a run of the job
 * is already waiting (the queue holds one waiting run at most): nothing is added or audited.
 */
export async function requestRun({ db, actorId, job, settings }: { db: Db; actorId: string; job: string; settings: { INGEST: boolean } }): Promise<{ queued: boolean }> {
  const definition = jobNamed(job);
  if (!definition) throw new AppError("NOT_FOUND", said("noSuchJob", { job: JSON.stringify(job) }));
  if (!enabledJobs(settings).includes(definition)) throw new AppError("CONFLICT", said("ingestionOff"));
  try {
    return await withQueue(db, (boss) =>
      db.$transaction(async (tx) => {
        // Through the transaction's connection: the run is queued exactly when its audit entry is written.
        const id = await boss.send(definition.name, { trigger: "MANUAL" } satisfies RunRequest, { db: fromPrisma(tx) });
        if (!id) return { queued: false };
        await recordAudit({ db: tx, actorId, action: "CREATE", entityType: "Job", entityId: definition.name, before: null, after: { trigger: "MANUAL", queueJobId: id } });
        return { queued: true };
      }),
    );
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) throw error;
    // The runner creates a job's queue when it starts: a job added since has none yet.
    if (error instanceof Error && /does not exist/.test(error.message)) throw new AppError("CONFLICT", RUNNER_NOT_STARTED, { cause: error });
    throw error;
  }
}
