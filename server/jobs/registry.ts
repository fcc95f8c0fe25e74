// Every background job, in the order the admin page lists them. A job is a function in its own
// domain with the JobDefinition shape; register it here and the runner schedules it.
import { ALERTS_QUEUE } from "../alerts/announce";
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
 * Sent once per dyad a publish moved (server/alerts/announce.ts), and every minute to deliver the
 * causes a rule's cooldown held back. `standard`: every sent check is kept, none merged.
 */
export const alertsJob: JobDefinition = {
  name: ALERTS_QUEUE,
  label: "Evaluate alert rules and deliver alerts",
  kind: "maintenance",
  cron: "* * * * *",
  policy: "standard",
  run: (ctx) => runAlerts(ctx),
};

export const jobDefinitions: readonly JobDefinition[] = [maintenanceJob, gdeltJob, feedsJob, alertsJob];

export const jobNamed = (name: string): JobDefinition | undefined => jobDefinitions.find((j) => j.name === name);

/** The jobs this deployment runs: `INGEST=0` leaves out ingestion. */
export function enabledJobs(settings: { INGEST: boolean }, jobs: readonly JobDefinition[] = jobDefinitions): JobDefinition[] {
  return jobs.filter((j) => settings.INGEST || j.kind !== "ingest");
}
