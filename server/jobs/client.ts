// A short-lived pg-boss client for the web process, which sends jobs but never works them.
import { PgBoss } from "pg-boss";
import { databaseUrlOf, type Db } from "../db-client";
import { AppError } from "../shared/errors";
import { PGBOSS_SCHEMA } from "./queue";

/** Whether a runner has installed pg-boss's schema in this database (none before the first start). */
export async function queueInstalled(db: Db): Promise<boolean> {
  const [installed] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${`${PGBOSS_SCHEMA}.queue`}) IS NOT NULL AS ok`;
  return installed?.ok ?? false;
}

export const RUNNER_NOT_STARTED = "The job runner has not started on this database yet: start the app (npm start) or a worker (npm run worker).";

/**
 * A pg-boss client for the length of one call, on one connection of its own: the app sends jobs
 * but never works them, so it keeps no pg-boss timers or pool running between clicks.
 */
export async function withQueue<T>(db: Db, use: (boss: PgBoss) => Promise<T>): Promise<T> {
  if (!(await queueInstalled(db))) throw new AppError("CONFLICT", RUNNER_NOT_STARTED);
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
