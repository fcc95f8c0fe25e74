"use client";
// The CSV import page's two steps: a dry run that previews the rows and lists every error, then
// the import, whose progress the server streams while its one transaction runs.
import { Link } from "@/app/_components/link";
import { useState, type FormEvent } from "react";
import type { DryRunResult, ImportRefusal } from "@/server/import/handler";
import type { ImportProgress } from "@/server/import/progress";
import { readNdjson } from "./ndjson";

type Check = { state: "idle" } | { state: "checking" } | { state: "checked"; text: string; result: DryRunResult } | { state: "refused"; refusal: ImportRefusal };
type Run =
  | { state: "idle" }
  | { state: "running"; done: number; total: number; label: string }
  | { state: "done"; result: Extract<ImportProgress, { phase: "done" }> }
  | { state: "failed"; refusal: ImportRefusal };

const ENDPOINT = "/api/admin/import";
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

async function refusalOf(response: Response): Promise<ImportRefusal> {
  try {
    return (await response.json()) as ImportRefusal;
  } catch {
    return { error: `The server answered ${response.status}: try again.` };
  }
}

const post = (text: string, dryRun: boolean) =>
  fetch(`${ENDPOINT}${dryRun ? "?dryRun=1" : ""}`, { method: "POST", headers: { "content-type": "text/csv" }, body: text });

export function ImportPanel({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const [run, setRun] = useState<Run>({ state: "idle" });

  async function onCheck(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setRun({ state: "idle" });
    if (file.size > maxBytes) {
      setCheck({ state: "refused", refusal: { error: `The file is larger than ${maxBytes / 1024 / 1024} MB, the most one import takes: split it in parts.` } });
      return;
    }
    setCheck({ state: "checking" });
    try {
      const text = await file.text();
      const response = await post(text, true);
      setCheck(response.ok ? { state: "checked", text, result: (await response.json()) as DryRunResult } : { state: "refused", refusal: await refusalOf(response) });
    } catch {
      setCheck({ state: "refused", refusal: { error: "The server could not be reached: check your connection and try again." } });
    }
  }

  async function onImport(text: string, writes: number) {
    setRun({ state: "running", done: 0, total: writes, label: "Starting…" });
    try {
      const response = await post(text, false);
      if (!response.ok || !response.body) return setRun({ state: "failed", refusal: await refusalOf(response) });
      let steps = { writes, dyads: 0 };
      await readNdjson<ImportProgress>(response.body, (line) => {
        switch (line.phase) {
          case "validated":
            steps = { writes: line.writes, dyads: line.dyads };
            return setRun({ state: "running", done: 0, total: line.writes + line.dyads, label: `Writing ${count(line.writes, "event")}…` });
          case "writing":
            return setRun({ state: "running", done: line.done, total: steps.writes + steps.dyads, label: `Written ${line.done.toLocaleString("en")} of ${count(line.total, "event")}` });
          case "indexing":
            return setRun({ state: "running", done: steps.writes + line.done, total: steps.writes + steps.dyads, label: `Updating the index: ${line.done} of ${count(line.total, "dyad")}` });
          case "done":
            return setRun({ state: "done", result: line });
          case "failed":
            return setRun({ state: "failed", refusal: { error: line.message } });
        }
      });
    } catch {
      setRun({ state: "failed", refusal: { error: "The connection broke during the import: check the file again to see what was written (all of it or nothing)." } });
    }
  }

  const checked = check.state === "checked" ? check : null;
  const writes = checked ? checked.result.counts.new + checked.result.counts.changed : 0;
  const blocked = checked !== null && checked.result.errors.length > 0;
  return (
    <>
      <form onSubmit={onCheck} className="panel import-form" aria-label="Check a file">
        <label htmlFor="import-file">CSV file (UTF-8, at most {maxBytes / 1024 / 1024} MB)</label>{" "}
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setCheck({ state: "idle" });
            setRun({ state: "idle" });
          }}
        />{" "}
        <button type="submit" disabled={!file || check.state === "checking" || run.state === "running"}>
          Check file
        </button>
        {check.state === "checking" && (
          <output className="import-line loading">Checking every row…</output>
        )}
      </form>

      {check.state === "refused" && <Refusal refusal={check.refusal} />}

      {checked && (
        <section className="panel" aria-labelledby="dry-run-heading">
          <h2 id="dry-run-heading">Dry run</h2>
          <output className="import-line">
            {count(checked.result.total, "row")}: {checked.result.counts.new} new, {checked.result.counts.changed} changed, {checked.result.counts.unchanged} unchanged
            {blocked ? `, ${count(checked.result.counts.invalid, "row")} with errors` : ""}.
          </output>
          {blocked && (
            <>
              <h3 id="import-errors">{count(checked.result.errors.length, "error")}: fix them in the file, then check it again</h3>
              <ul className="import-errors" aria-labelledby="import-errors">
                {checked.result.errors.map((e) => (
                  <li key={`${e.row}-${e.column}`}>
                    Row {e.row}
                    {e.externalId ? ` (${e.externalId})` : ""}, column {e.column}: {e.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <PreviewTable result={checked.result} />
          {!blocked && writes === 0 ? (
            <p>Nothing to import: every row matches what is stored.</p>
          ) : (
            <button type="button" disabled={blocked || run.state === "running" || run.state === "done"} onClick={() => void onImport(checked.text, writes)}>
              Import {count(writes, "event")}
            </button>
          )}
        </section>
      )}

      {run.state === "running" && (
        <div className="panel" aria-busy="true">
          <label htmlFor="import-progress">Import progress</label>{" "}
          <progress id="import-progress" value={run.done} max={Math.max(run.total, 1)}>
            {run.done} of {run.total}
          </progress>
          <output className="import-line">{run.label}</output>
        </div>
      )}
      {run.state === "failed" && <Refusal refusal={run.refusal} />}
      {run.state === "done" && (
        <section className="panel" aria-labelledby="import-done">
          <h2 id="import-done">Import done</h2>
          <progress value={1} max={1} aria-label="Import progress">
            done
          </progress>
          <output className="import-line">
            {run.result.created} new, {run.result.updated} changed, {run.result.unchanged} unchanged: the indicators, map and feed show them now.
          </output>
          {run.result.events.length > 0 && (
            <ul>
              {run.result.events.map((e) => (
                <li key={e.id}>
                  <Link href={`/events/${e.id}`}>{e.title}</Link> ({e.status})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
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
      {refusal.errors && (
        <ul className="import-errors">
          {refusal.errors.map((e) => (
            <li key={`${e.row}-${e.column}`}>
              Row {e.row}, column {e.column}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewTable({ result }: { result: DryRunResult }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>
          {result.preview.length < result.total ? `The first ${result.preview.length} of ${count(result.total, "row")}` : "Every row"}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">External id</th>
            <th scope="col">Date</th>
            <th scope="col">Dyad</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {result.preview.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.externalId ?? "—"}</td>
              <td>{r.date}</td>
              <td>{r.dyad}</td>
              <td>{r.title}</td>
              <td className={`import-status-${r.status}`}>{r.status === "invalid" ? `${count(r.problems.length, "error")}` : r.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
