// POST /api/admin/import and GET /api/admin/import/template.csv, as functions of their parts so
// integration tests drive them with real Requests. The import streams NDJSON progress lines
// (ImportProgress) while its one transaction runs; refusals before it starts are plain JSON 4xx.
import "server-only";
import type { Auth } from "../auth/auth";
import { requireRole } from "../auth/gate";
import { sessionOf } from "../auth/session";
import { hasTrustedOrigin } from "../auth/settings";
import { answering, HTTP_STATUS } from "../http/errors";
import { localeOfRequest, speakerFor } from "../i18n/spoken";
import { withBodyLimit } from "../http/request-limits";
import type { Db } from "../db-client";
import { CROSS_SITE_MESSAGE } from "../api-handler";
import { toDay } from "../method/day";
import type { AppErrorCode } from "../shared/errors";
import { MAX_IMPORT_BYTES } from "./columns";
import { parseImportCsv, TOO_LARGE } from "./csv";
import { planImport, type ImportPlan, type PlannedRow } from "./plan";
import type { ImportProgress } from "./progress";
import { importTemplateCsv } from "./template";
import { ImportConflictError, runImport } from "./write";

/** Rows the dry run shows in full; every row's errors are listed whatever their number. */
export const PREVIEW_ROWS = 50;

export interface RowError {
  row: number;
  externalId: string | null;
  column: string;
  message: string;
}

export interface DryRunResult {
  total: number;
  counts: ImportPlan["counts"];
  preview: PlannedRow[];
  errors: RowError[];
}

/** A refusal before anything ran: the reason, and the file's problems when there are some. */
export interface ImportRefusal {
  error: string;
  problems?: string[];
  errors?: RowError[];
}

const refuse = (code: AppErrorCode, body: ImportRefusal) => Response.json(body, { status: HTTP_STATUS[code], headers: { "Cache-Control": "no-store" } });

type Parts = { db: Db; auth: Auth; trustedOrigins: readonly string[] };

/** 401 signed out, 403 for analysts, thrown by the app's one gate (answered by `answering`). */
async function adminOf(parts: Parts, req: Request): Promise<{ id: string }> {
  const session = await sessionOf({ auth: parts.auth, headers: req.headers });
  return requireRole(session?.user ?? null, "admin", { forbidden: "Only admins may import." });
}

const rowErrors = (plan: ImportPlan, speak: (message: string) => string): RowError[] =>
  plan.rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, externalId: r.externalId, column: p.column, message: speak(p.message) })));

export function createImportHandler(parts: Parts) {
  // A database outage before the stream starts is a 503 with its reason, as on every other route.
  return (req: Request): Promise<Response> => answering(async () => {
    // Row messages in the reader's language; the rest of the route stays English for now.
    const speak = speakerFor(localeOfRequest(req.headers));
    if (!hasTrustedOrigin(req.headers, parts.trustedOrigins)) return refuse("FORBIDDEN", { error: CROSS_SITE_MESSAGE });
    const admin = await adminOf(parts, req);
    const body = await withBodyLimit(req, MAX_IMPORT_BYTES);
    if (body instanceof Response) return refuse("PAYLOAD_TOO_LARGE", { error: TOO_LARGE });
    const parsed = parseImportCsv(await body.text());
    if (!parsed.ok) return refuse("BAD_REQUEST", { error: "The file cannot be imported.", problems: parsed.problems });

    const today = toDay(new Date());
    const plan = await planImport({ db: parts.db, rows: parsed.rows, today });
    const errors = rowErrors(plan, speak);
    if (new URL(req.url).searchParams.get("dryRun") === "1") {
      const result: DryRunResult = { total: plan.rows.length, counts: plan.counts, preview: plan.rows.slice(0, PREVIEW_ROWS), errors };
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    }
    if (errors.length) {
      return refuse("UNPROCESSABLE_CONTENT", { error: `${plan.counts.invalid} row${plan.counts.invalid === 1 ? " has" : "s have"} errors: nothing was imported.`, errors });
    }
    return streamImport(parts.db, admin.id, plan, today);
  }, undefined, req.headers);
}

function streamImport(db: Db, actorId: string, plan: ImportPlan, today: number): Response {
  const encoder = new TextEncoder();
  // A reader who leaves the page does not cancel the import: it runs to its end (or rolls back) all the same.
  let listening = true;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportProgress) => {
        if (listening) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        send(await runImport({ db, actorId, plan, today, onProgress: send }));
      } catch (error) {
        if (!(error instanceof ImportConflictError)) console.error("import:", error);
        const reason = error instanceof ImportConflictError ? error.message : "The import failed.";
        send({ phase: "failed", message: `${reason} Nothing was written: check the file again, then import.` });
      }
      if (listening) controller.close();
    },
    cancel() {
      listening = false;
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

export function createTemplateHandler(parts: Parts) {
  return (req: Request): Promise<Response> => answering(async () => {
    await adminOf(parts, req);
    return new Response(importTemplateCsv(), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="events-import-template.csv"', "Cache-Control": "no-store" },
    });
  }, undefined, req.headers);
}
