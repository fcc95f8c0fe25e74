// How the jobs sit in pg-boss, shared by the runner (scripts/worker.ts) and "Run now" (the app):
// one queue per job, named after it, in pg-boss's own `pgboss` schema of the app's database.
import type { QueuePolicy, UpdateQueueOptions } from "pg-boss";
import { z } from "zod";
import { JobTrigger } from "../generated/prisma/enums";

export const PGBOSS_SCHEMA = "pgboss";

/** What each queued job carries: why it was asked for. */
export const runRequest = z.object({ trigger: z.enum(JobTrigger).catch(JobTrigger.SCHEDULE) });
export type RunRequest = z.infer<typeof runRequest>;

export interface RetryPolicy {
  /** Attempts after the first. */
  limit: number;
  /** Seconds before the first retry; doubled (with jitter) for each next one. */
  delaySeconds: number;
  /** Longest wait between two attempts. */
  maxDelaySeconds: number;
}

/** Three more tries over about four minutes, then the next schedule tries again. */
export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 30, maxDelaySeconds: 300 };

/** A run that has not finished in this time is presumed dead; pg-boss retries it (and aborts its signal). */
export const RUN_EXPIRES_SECONDS = 15 * 60;

/**
 * `stately`: one run active and at most one more waiting, whichever instance or trigger asked,
 * so several app instances never run a job twice at once and a pile of clicks queues one run.
 */
export const QUEUE_POLICY: QueuePolicy = "stately";

export function queueSettings(retry: RetryPolicy) {
  return {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: true,
    retryDelayMax: retry.maxDelaySeconds,
    expireInSeconds: RUN_EXPIRES_SECONDS,
    deleteAfterSeconds: 7 * 24 * 3600,
  } satisfies UpdateQueueOptions;
}

/** Startup runs share a 10-minute throttle slot: instances starting together send one. */
export const STARTUP_THROTTLE_SECONDS = 600;
