// What a background job is: a name, a schedule and a function that reports what it read and kept.
import type { Db } from "../db-client";

export type JobKind = "ingest" | "maintenance";

/** What a run is given: the signal pg-boss aborts when the run expires or the runner stops, and the database. */
export interface JobContext {
  signal: AbortSignal;
  db: Db;
}

/** Rows (or items) a run looked at, and those it kept (wrote, deleted: whatever the job is for). */
export interface JobCounts {
  read: number;
  kept: number;
}

export interface JobDefinition {
  /** The pg-boss queue's name too: letters, digits, `-`; never renamed once runs are recorded. */
  name: string;
  /** What the admin page calls it. */
  label: string;
  kind: JobKind;
  /** Five-field cron, evaluated in UTC. */
  cron: string;
  /** Also run once when a runner starts (at most once per 10 minutes however many start). */
  runAtStartup?: boolean;
  /**
   * Records a run only when it read or kept something, or failed: a job polling every minute
   * would otherwise bury the other jobs' history. Such a run is written once it has finished.
   */
  recordOnlyWork?: boolean;
  run(ctx: JobContext): Promise<JobCounts>;
}
