// The run history (JobRun): a row when an attempt starts, completed when it ends. A source that
// cannot be reached is written down once an hour per job; later such attempts in that hour only
// add to the recorded row's `repeats`.
import type { Db } from "../db-client";
import type { JobTrigger } from "../generated/prisma/enums";
import type { JobCounts } from "./definition";

const HOUR_MS = 3600_000;
/** Error text is kept to what a table cell can show; the server log has the rest. */
const MAX_ERROR_LENGTH = 2000;

export const INTERRUPTED_MESSAGE = "Interrupted: the process running it stopped before it finished.";

/** What failed, as one text: an Error's message, or the `message` of the plain copy of one pg-boss reports. */
export function errorText(error: unknown): string {
  const message = typeof error === "object" && error !== null && "message" in error ? error.message : undefined;
  const text = typeof message === "string" ? message : String(error);
  return (text || "Failed without a message").slice(0, MAX_ERROR_LENGTH);
}

export async function startRun({ db, job, trigger, queueJobId, attempt }: { db: Db; job: string; trigger: JobTrigger; queueJobId: string; attempt: number }) {
  // pg-boss hands out a job again only once its previous attempt is gone (expired, or its process
  // died): an attempt of it still open here never finished.
  await db.jobRun.updateMany({
    where: { queueJobId, finishedAt: null },
    data: { finishedAt: new Date(), ok: false, error: INTERRUPTED_MESSAGE },
  });
  return db.jobRun.create({ data: { job, trigger, queueJobId, attempt }, select: { id: true } });
}

export async function finishRun({ db, id, outcome }: { db: Db; id: bigint; outcome: { ok: true; counts: JobCounts } | { ok: false; error: string } }) {
  await db.jobRun.update({
    where: { id },
    data: outcome.ok
      ? { finishedAt: new Date(), ok: true, rowsRead: outcome.counts.read, rowsKept: outcome.counts.kept }
      : { finishedAt: new Date(), ok: false, error: outcome.error },
  });
}

/** A run written once it has finished (a `recordOnlyWork` job's): nothing when it was idle. */
export async function recordFinishedRun({ db, run, startedAt, outcome }: {
  db: Db;
  run: { job: string; trigger: JobTrigger; queueJobId: string; attempt: number };
  startedAt: Date;
  outcome: { ok: true; counts: JobCounts } | { ok: false; error: string };
}): Promise<void> {
  if (outcome.ok && outcome.counts.read === 0 && outcome.counts.kept === 0) return;
  const { id } = await db.jobRun.create({ data: { ...run, startedAt }, select: { id: true } });
  await finishRun({ db, id, outcome });
}

/** Returns whether this attempt is the one recorded for the hour (and so worth a log line). */
export async function finishUnreachable({ db, id, job, error }: { db: Db; id: bigint; job: string; error: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const recorded = await tx.jobRun.findFirst({
      where: { job, unreachable: true, id: { not: id }, startedAt: { gte: new Date(Date.now() - HOUR_MS) } },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    if (recorded) {
      await tx.jobRun.update({ where: { id: recorded.id }, data: { repeats: { increment: 1 } } });
      await tx.jobRun.delete({ where: { id } });
      return false;
    }
    await tx.jobRun.update({ where: { id }, data: { finishedAt: new Date(), ok: false, unreachable: true, error } });
    return true;
  });
}
