import type { Metadata } from "next";
import type { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { RefreshWhileBusy, RunNowButton } from "@/app/_components/admin/job-controls";
import { ColumnHeads } from "@/app/_components/column-heads";
import { codeTag } from "@/app/_components/rich-tags";
import { getFormat } from "@/app/_components/server-format";
import type { Messages } from "@/i18n/messages";
import type { Formatters } from "@/server/i18n/format";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { JobTrigger } from "@/server/generated/prisma/enums";
import { scheduleOf } from "@/server/jobs/schedule";
import type { JobRunSummary, JobsOverview } from "@/server/jobs/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPages.jobs"))("title") };
}
export const dynamic = "force-dynamic";

type Words = ReturnType<typeof useTranslations<"adminPages.jobs">>;
type Job = JobsOverview["jobs"][number];

/** The registry's jobs the messages name; a job added since keeps its English label. */
const NAMED_JOBS = ["maintenance", "gdelt", "feeds", "alerts"] as const satisfies readonly (keyof Messages["adminPages"]["jobs"]["labels"])[];
const isNamed = (name: string): name is (typeof NAMED_JOBS)[number] => (NAMED_JOBS as readonly string[]).includes(name);
// A waiting run's trigger is read from the queue's JSON: anything else reads as the schedule's.
const triggerOf = (trigger: string | null): JobTrigger => Object.values(JobTrigger).find((known) => known === trigger) ?? "SCHEDULE";

function jobWords(t: Words, format: Formatters) {
  const label = (job: { name: string; label: string }) => (isNamed(job.name) ? t(`labels.${job.name}`) : job.label);
  const took = (run: JobRunSummary) =>
    run.finishedAt ? t("seconds", { seconds: format.number((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }) : "—";
  const count = (rows: number | null) => (rows === null ? "—" : format.number(rows));
  const readKept = (run: JobRunSummary) => (run.ok ? `${count(run.rowsRead)} / ${count(run.rowsKept)}` : "—");

  function schedule(cron: string): string {
    const s = scheduleOf(cron);
    switch (s.every) {
      case "minute":
        return t("schedule.minute");
      case "minutes":
        return t("schedule.minutes", { minutes: s.minutes });
      case "hour":
        return s.minute === "00" ? t("schedule.onTheHour") : t("schedule.hourAt", { minute: s.minute });
      case "day":
        return t("schedule.dayAt", { time: s.time });
      case "cron":
        return t("schedule.cron", { cron: s.cron });
    }
  }

  // The runs' own errors come from the sources and libraries, as they said them.
  function outcome(run: JobRunSummary): string {
    if (!run.finishedAt) return t("outcome.running");
    if (run.ok) return t("outcome.ok");
    if (run.unreachable) {
      const error = run.error ?? t("outcome.unreachable");
      return run.repeats ? t("outcome.repeated", { error, count: run.repeats }) : error;
    }
    return run.attempt ? t("outcome.failedRetry", { attempt: run.attempt, error: run.error ?? "" }) : t("outcome.failed", { error: run.error ?? "" });
  }

  function status(job: Job): string {
    if (job.running) return t("status.running");
    if (job.waiting?.retry) return t("status.retrying", { when: format.moment(job.waiting.startAfter) });
    if (job.waiting) return t("status.queued", { trigger: t(`triggers.${triggerOf(job.waiting.trigger)}`) });
    return job.enabled ? t("status.idle") : t("status.off");
  }

  return { label, took, readKept, schedule, outcome, status };
}

export default async function JobsPage() {
  await requireAdmin();
  const [{ jobs, recent }, t, format] = await Promise.all([(await serverCaller()).jobs.list(), getTranslations("adminPages.jobs"), getFormat()]);
  const say = jobWords(t, format);
  const busy = jobs.some((j) => j.running || j.waiting);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { code: codeTag })}</p>
      <RefreshWhileBusy busy={busy} />
      <table aria-label={t("table")}>
        <ColumnHeads columns={[t("columns.job"), t("columns.schedule"), t("columns.lastRun"), t("columns.took"), t("columns.readKept"), t("columns.result"), t("columns.nextRun"), t("columns.now")]} />
        <tbody>
          {jobs.map((job) => (
            <tr key={job.name}>
              <th scope="row">
                {say.label(job)} <small dir="ltr">({job.name})</small>
              </th>
              <td title={job.cron}>{say.schedule(job.cron)}</td>
              <td>{job.lastRun ? format.moment(job.lastRun.startedAt) : t("notRunYet")}</td>
              <td>{job.lastRun ? say.took(job.lastRun) : "—"}</td>
              <td>{job.lastRun ? say.readKept(job.lastRun) : "—"}</td>
              <td dir="auto">{job.lastRun ? say.outcome(job.lastRun) : "—"}</td>
              <td>{job.nextRunAt ? format.moment(job.nextRunAt) : "—"}</td>
              <td>
                <output>{say.status(job)}</output> {job.enabled && <RunNowButton job={job.name} label={say.label(job)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("recent")}</h2>
      {recent.length === 0 ? (
        <p className="empty">{t("noRuns")}</p>
      ) : (
        <table aria-label={t("recentTable")}>
          <ColumnHeads columns={[t("columns.started"), t("columns.job"), t("columns.trigger"), t("columns.took"), t("columns.readKept"), t("columns.result")]} />
          <tbody>
            {recent.map((run) => (
              <tr key={run.id}>
                <td>{format.moment(run.startedAt)}</td>
                <td dir="ltr">{run.job}</td>
                <td>{t(`triggers.${run.trigger}`)}</td>
                <td>{say.took(run)}</td>
                <td>{say.readKept(run)}</td>
                <td dir="auto">{say.outcome(run)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
