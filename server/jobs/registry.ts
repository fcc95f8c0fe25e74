// Every background job, in the order the admin page lists them. A job is a function in its own
// domain with the JobDefinition shape; register it here and the runner schedules it.
import { runAlerts } from "../alerts/job";
import { deleteExpiredAuthRows } from "../auth/maintenance";
import { pollNewsFeeds } from "../feeds/poll";
import { runGdeltIngest } from "../ingest/gdelt/job";
import type { JobDefinition } from "./definition";

export const maintenanceJob: JobDefinition = {
  name: "maintenance",
  label: "Delete expired sessions, tokens and sign-in counters",
  kind: "maintenance",
  cron: "0 * * * *",
  runAtStartup: true,
  run: ({ db }) => deleteExpiredAuthRows({ db }),
};

/** GDELT 2.0 publishes an export file every 15 minutes; missed ones are caught up in order. */
export const gdeltJob: JobDefinition = {
  name: "gdelt",
  label: "Read GDELT 2.0 events into the review queue",
  kind: "ingest",
  cron: "*/15 * * * *",
  runAtStartup: true,
  run: runGdeltIngest,
};

export const feedsJob: JobDefinition = {
  name: "feeds",
  label: "Poll the registered news feeds for headlines",
  kind: "ingest",
  cron: "*/15 * * * *",
  run: pollNewsFeeds,
};

/**
 * Every minute: the changes publishes left in the alerts outbox, the conditions starting or ending
 * today, the causes a rule's cooldown held back, due webhooks. Its idle runs are not recorded.
 */
export const alertsJob: JobDefinition = {
  name: "alerts",
  label: "Evaluate alert rules and deliver alerts",
  kind: "maintenance",
  cron: "* * * * *",
  recordOnlyWork: true,
  run: (ctx) => runAlerts(ctx),
};

export const jobDefinitions: readonly JobDefinition[] = [maintenanceJob, gdeltJob, feedsJob, alertsJob];

export const jobNamed = (name: string): JobDefinition | undefined => jobDefinitions.find((j) => j.name === name);

/** The jobs this deployment runs: `INGEST=0` leaves out ingestion. */
export function enabledJobs(settings: { INGEST: boolean }, jobs: readonly JobDefinition[] = jobDefinitions): JobDefinition[] {
  return jobs.filter((j) => settings.INGEST || j.kind !== "ingest");
}
