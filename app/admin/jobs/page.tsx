import type { Metadata } from "next";
import { RefreshWhileBusy, RunNowButton } from "@/app/_components/admin/job-controls";
import { ColumnHeads } from "@/app/_components/column-heads";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import type { JobRunSummary, JobsOverview } from "@/server/jobs/service";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

const when = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
const seconds = (run: JobRunSummary) => (run.finishedAt ? `${((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)} s` : "—");

function outcome(run: JobRunSummary): string {
  if (!run.finishedAt) return "running";
  if (run.ok) return "ok";
  if (run.unreachable) return `${run.error ?? "source unreachable"}${run.repeats ? ` (${run.repeats} more failures like it within the hour)` : ""}`;
  return `failed${run.attempt ? ` (retry ${run.attempt})` : ""}: ${run.error ?? ""}`;
}

function status(job: JobsOverview["jobs"][number]): string {
  if (job.running) return "Running";
  if (job.waiting?.retry) return `Failed; retrying at ${when(job.waiting.startAfter)}`;
  if (job.waiting) return `Queued (${(job.waiting.trigger ?? "schedule").toLowerCase()})`;
  return job.enabled ? "Idle" : "Off (INGEST=0)";
}

export default async function JobsPage() {
  await requireAdmin();
  const { jobs, recent } = await (await serverCaller()).jobs.list();
  const busy = jobs.some((j) => j.running || j.waiting);
  return (
    <>
      <h1>Jobs</h1>
      <p>
        Background work, run by the job runner beside the app (<code>npm start</code>, or <code>npm run worker</code> alone). Times are UTC.
      </p>
      <RefreshWhileBusy busy={busy} />
      <table aria-label="Jobs">
        <ColumnHeads columns={["Job", "Schedule", "Last run", "Took", "Read / kept", "Result", "Next run", "Now"]} />
        <tbody>
          {jobs.map((job) => (
            <tr key={job.name}>
              <th scope="row">
                {job.label} <small>({job.name})</small>
              </th>
              <td title={job.cron}>{job.schedule}</td>
              <td>{job.lastRun ? when(job.lastRun.startedAt) : "not run yet"}</td>
              <td>{job.lastRun ? seconds(job.lastRun) : "—"}</td>
              <td>{job.lastRun?.ok ? `${job.lastRun.rowsRead} / ${job.lastRun.rowsKept}` : "—"}</td>
              <td>{job.lastRun ? outcome(job.lastRun) : "—"}</td>
              <td>{job.nextRunAt ? when(job.nextRunAt) : "—"}</td>
              <td>
                <output>{status(job)}</output> {job.enabled && <RunNowButton job={job.name} label={job.label} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Recent runs</h2>
      {recent.length === 0 ? (
        <p className="empty">No job has run yet. The runner starts with the app; “Run now” queues a run at once.</p>
      ) : (
        <table aria-label="Recent runs, newest first">
          <ColumnHeads columns={["Started", "Job", "Trigger", "Took", "Read / kept", "Result"]} />
          <tbody>
            {recent.map((run) => (
              <tr key={run.id}>
                <td>{when(run.startedAt)}</td>
                <td>{run.job}</td>
                <td>{run.trigger.toLowerCase()}</td>
                <td>{seconds(run)}</td>
                <td>{run.ok ? `${run.rowsRead} / ${run.rowsKept}` : "—"}</td>
                <td>{outcome(run)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
