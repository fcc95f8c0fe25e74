"use client";
// The CSV import page's two steps: a dry run that previews the rows and lists every error, then
// the import, whose progress the server streams while its one transaction runs. With review
// required the import submits one draft per row instead ("Submit for review", offered beside
// "Import" when review is optional, as the record forms do).
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import { useState, type FormEvent, type ReactNode } from "react";
import type { DryRunResult, ImportRefusal, RowError } from "@/server/import/handler";
import type { ImportProgress } from "@/server/import/progress";
import { useFormat } from "../use-format";
import { batchTag } from "../review/draft-origin";
import { readNdjson } from "./ndjson";
import { SubmitButton } from "../forms/form-fields";
import { useHydrated } from "../use-hydrated";

type Check = { state: "idle" } | { state: "checking" } | { state: "checked"; text: string; result: DryRunResult } | { state: "refused"; refusal: ImportRefusal };
type Run =
  | { state: "idle" }
  | { state: "running"; done: number; total: number; label: string }
  | { state: "done"; result: Extract<ImportProgress, { phase: "done" }> }
  | { state: "submitted"; result: Extract<ImportProgress, { phase: "submitted" }> }
  | { state: "failed"; refusal: ImportRefusal };

const ENDPOINT = "/api/admin/import";

async function refusalOf(response: Response, serverAnswered: (status: number) => string): Promise<ImportRefusal> {
  try {
    return (await response.json()) as ImportRefusal;
  } catch {
    return { error: serverAnswered(response.status) };
  }
}

/** A dry run, the import, or (`review`) the import as drafts, tagged with the file's name. */
const post = (text: string, how: { dryRun: true } | { review: boolean; fileName: string }) =>
  fetch(`${ENDPOINT}?${new URLSearchParams("dryRun" in how ? { dryRun: "1" } : { file: how.fileName, ...(how.review && { review: "1" }) })}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: text,
  });

const queueLink = (words: ReactNode) => <Link href="/admin/review#drafts">{words}</Link>;

export function ImportPanel({ maxBytes, reviewRequired }: { maxBytes: number; reviewRequired: boolean }) {
  const t = useTranslations("admin.controls.import");
  const forReview = useTranslations("review.imported");
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  // A file chosen before hydration would reach no handler: the field waits, as the send button does.
  const hydrated = useHydrated();
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const [run, setRun] = useState<Run>({ state: "idle" });
  const megabytes = format.number(maxBytes / 1024 / 1024);
  const serverAnswered = (status: number) => t("serverAnswered", { status });

  async function onCheck(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setRun({ state: "idle" });
    if (file.size > maxBytes) {
      setCheck({ state: "refused", refusal: { error: t("tooLarge", { megabytes }) } });
      return;
    }
    setCheck({ state: "checking" });
    try {
      const text = await file.text();
      const response = await post(text, { dryRun: true });
      setCheck(response.ok ? { state: "checked", text, result: (await response.json()) as DryRunResult } : { state: "refused", refusal: await refusalOf(response, serverAnswered) });
    } catch {
      setCheck({ state: "refused", refusal: { error: t("unreachable") } });
    }
  }

  async function onImport(text: string, writes: number, review: boolean) {
    setRun({ state: "running", done: 0, total: writes, label: t("starting") });
    try {
      const response = await post(text, { review, fileName: file?.name ?? "file.csv" });
      if (!response.ok || !response.body) return setRun({ state: "failed", refusal: await refusalOf(response, serverAnswered) });
      let steps = { writes, dyads: 0 };
      await readNdjson<ImportProgress>(response.body, (line) => {
        switch (line.phase) {
          case "validated":
            steps = { writes: line.writes, dyads: line.dyads };
            return setRun({ state: "running", done: 0, total: line.writes + line.dyads, label: t("writing", { count: line.writes }) });
          case "writing":
            return setRun({ state: "running", done: line.done, total: steps.writes + steps.dyads, label: t("written", { done: format.number(line.done), total: line.total }) });
          case "indexing":
            return setRun({ state: "running", done: steps.writes + line.done, total: steps.writes + steps.dyads, label: t("indexing", { done: format.number(line.done), total: line.total }) });
          case "done":
            return setRun({ state: "done", result: line });
          case "submitted":
            return setRun({ state: "submitted", result: line });
          case "failed":
            return setRun({ state: "failed", refusal: { error: line.message } });
        }
      });
    } catch {
      setRun({ state: "failed", refusal: { error: t("broke") } });
    }
  }

  const checked = check.state === "checked" ? check : null;
  const writes = checked ? checked.result.counts.new + checked.result.counts.changed : 0;
  const blocked = checked !== null && checked.result.errors.length > 0;
  const finished = run.state === "running" || run.state === "done" || run.state === "submitted";
  return (
    <>
      {reviewRequired && <p className="notice">{forReview("required")}</p>}
      <form onSubmit={onCheck} className="panel import-form" aria-label={t("checkForm")}>
        <label htmlFor="import-file">{t("file", { megabytes })}</label>{" "}
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          disabled={!hydrated}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setCheck({ state: "idle" });
            setRun({ state: "idle" });
          }}
        />{" "}
        <SubmitButton busy={!file || check.state === "checking" || run.state === "running"}>
          {t("check")}
        </SubmitButton>
        {check.state === "checking" && <output className="import-line loading">{t("checking")}</output>}
      </form>

      {check.state === "refused" && <Refusal refusal={check.refusal} />}

      {checked && (
        <section className="panel" aria-labelledby="dry-run-heading">
          <h2 id="dry-run-heading">{t("dryRun")}</h2>
          <output className="import-line">
            {t(blocked ? "countsBlocked" : "counts", {
              total: checked.result.total,
              created: checked.result.counts.new,
              changed: checked.result.counts.changed,
              unchanged: checked.result.counts.unchanged,
              invalid: checked.result.counts.invalid,
            })}
          </output>
          {blocked && (
            <>
              <h3 id="import-errors">{t("errorsHeading", { count: checked.result.errors.length })}</h3>
              <RowErrors errors={checked.result.errors} labelledBy="import-errors" withIds />
            </>
          )}
          <PreviewTable result={checked.result} />
          {!blocked && writes === 0 ? (
            <p>{t("nothing")}</p>
          ) : (
            <div className="actions">
              {!reviewRequired && (
                <>
                  <button type="button" disabled={blocked || finished} onClick={() => void onImport(checked.text, writes, false)}>
                    {t("importButton", { count: writes })}
                  </button>{" "}
                </>
              )}
              <button type="button" disabled={blocked || finished} onClick={() => void onImport(checked.text, writes, true)}>
                {forReview("submit", { count: writes })}
              </button>
            </div>
          )}
        </section>
      )}

      {run.state === "running" && (
        <div className="panel" aria-busy="true">
          <label htmlFor="import-progress">{t("progress")}</label>{" "}
          <progress id="import-progress" value={run.done} max={Math.max(run.total, 1)}>
            {t("progressOf", { done: format.number(run.done), total: format.number(run.total) })}
          </progress>
          <output className="import-line">{run.label}</output>
        </div>
      )}
      {run.state === "failed" && <Refusal refusal={run.refusal} />}
      {run.state === "submitted" && (
        <section className="panel" aria-labelledby="import-submitted">
          <h2 id="import-submitted">{forReview("submittedTitle")}</h2>
          <output className="import-line">{forReview.rich("submitted", { count: run.result.drafts, unchanged: run.result.unchanged, link: queueLink })}</output>
          <p className="meta">{forReview.rich("batch", { source: run.result.source, code: batchTag })}</p>
          {run.result.shown.length > 0 && (
            <ul>
              {run.result.shown.map((d) => (
                <li key={d.id}>
                  <Link href={`/admin/drafts/${d.id}`} dir="auto">
                    {d.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {run.state === "done" && (
        <section className="panel" aria-labelledby="import-done">
          <h2 id="import-done">{t("done")}</h2>
          <progress value={1} max={1} aria-label={t("progress")}>
            {t("doneBar")}
          </progress>
          <output className="import-line">
            {t("doneCounts", { created: run.result.created, changed: run.result.updated, unchanged: run.result.unchanged })}
          </output>
          {run.result.events.length > 0 && (
            <ul>
              {run.result.events.map((e) => (
                <li key={e.id}>
                  <Link href={`/events/${e.id}`} dir="auto">
                    {e.title}
                  </Link>{" "}
                  ({t(`statuses.${e.status}`)})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

/** Each row error, by row and column as the server said it; the dry run names the row's external id too. */
function RowErrors({ errors, labelledBy, withIds = false }: { errors: readonly RowError[]; labelledBy?: string; withIds?: boolean }) {
  const t = useTranslations("admin.controls.import");
  return (
    <ul className="import-errors" aria-labelledby={labelledBy}>
      {errors.map((e) => (
        <li key={`${e.row}-${e.column}`}>
          {withIds && e.externalId ? t("rowErrorOf", { row: e.row, externalId: e.externalId, column: e.column, message: e.message }) : t("rowError", { row: e.row, column: e.column, message: e.message })}
        </li>
      ))}
    </ul>
  );
}

function Refusal({ refusal }: { refusal: ImportRefusal }) {
  return (
    <div className="panel" role="alert">
      <p className="error">{refusal.error}</p>
      {refusal.problems && (
        <ul>
          {refusal.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {refusal.errors && <RowErrors errors={refusal.errors} />}
    </div>
  );
}

function PreviewTable({ result }: { result: DryRunResult }) {
  const t = useTranslations("admin.controls.import");
  return (
    <div className="table-scroll">
      <table>
        <caption>{result.preview.length < result.total ? t("previewSome", { shown: result.preview.length, total: result.total }) : t("previewAll")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.row")}</th>
            <th scope="col">{t("columns.externalId")}</th>
            <th scope="col">{t("columns.date")}</th>
            <th scope="col">{t("columns.dyad")}</th>
            <th scope="col">{t("columns.title")}</th>
            <th scope="col">{t("columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {result.preview.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td dir="auto">{r.externalId ?? "—"}</td>
              <td dir="ltr">{r.date}</td>
              <td dir="ltr">{r.dyad}</td>
              <td dir="auto">{r.title}</td>
              <td className={`import-status-${r.status}`}>{r.status === "invalid" ? t("errors", { count: r.problems.length }) : t(`statuses.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
