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
import { said } from "../shared/said";
import { env } from "../env";
import { z } from "zod";
import { MAX_IMPORT_BYTES } from "./columns";
import { parseImportCsv, TOO_LARGE } from "./csv";
import { planImport, type ImportPlan, type PlannedRow } from "./plan";
import type { ImportProgress } from "./progress";
import { importTemplateCsv } from "./template";
import { ImportConflictError, importSource, runImport, submitImport } from "./write";

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

/** `reviewRequired`: the deployment's REVIEW_REQUIRED unless a test says otherwise. */
type Parts = { db: Db; auth: Auth; trustedOrigins: readonly string[]; reviewRequired?: boolean };

/** The file's name as the browser sent it (`?file=`), kept short and on one line for the drafts' label. */
const FILE_NAME = z.string().trim().min(1).max(120).regex(/^[^\p{Cc}]+$/u);
const fileNameOf = (url: URL) => FILE_NAME.safeParse(url.searchParams.get("file") ?? "").data ?? "file.csv";

/** 401 signed out, 403 for analysts, thrown by the app's one gate (answered by `answering`). */
async function adminOf(parts: Parts, req: Request): Promise<{ id: string }> {
  const session = await sessionOf({ auth: parts.auth, headers: req.headers, db: parts.db });
  return requireRole(session?.user ?? null, "admin", { forbidden: said("onlyAdminsImport") });
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
    if (body instanceof Response) return refuse("PAYLOAD_TOO_LARGE", { error: speak(TOO_LARGE) });
    const parsed = parseImportCsv(await body.text());
    if (!parsed.ok) return refuse("BAD_REQUEST", { error: speak(said("fileCannotBeImported")), problems: parsed.problems.map(speak) });

    const today = toDay(new Date());
    const plan = await planImport({ db: parts.db, rows: parsed.rows, today });
    const errors = rowErrors(plan, speak);
    const url = new URL(req.url);
    if (url.searchParams.get("dryRun") === "1") {
      const result: DryRunResult = { total: plan.rows.length, counts: plan.counts, preview: plan.rows.slice(0, PREVIEW_ROWS), errors };
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    }
    if (errors.length) {
      return refuse("UNPROCESSABLE_CONTENT", { error: speak(said("importRowsHaveErrors", { count: plan.counts.invalid })), errors });
    }
    // Review required, or asked for ("Submit for review" beside "Import" when it is not): drafts.
    const forReview = (parts.reviewRequired ?? env.REVIEW_REQUIRED) || url.searchParams.get("review") === "1";
    const source = forReview ? importSource(fileNameOf(url), plan.writes.length) : null;
    return streamImport({ db: parts.db, actorId: admin.id, plan, today, source, speak });
  }, undefined, req.headers);
}

function streamImport(input: { db: Db; actorId: string; plan: ImportPlan; today: number; source: string | null; speak: (message: string) => string }): Response {
  const { db, actorId, plan, today, source, speak } = input;
  const encoder = new TextEncoder();
  // A reader who leaves the page does not cancel the import: it runs to its end (or rolls back) all the same.
  let listening = true;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportProgress) => {
        if (listening) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        send(source === null ? await runImport({ db, actorId, plan, today, onProgress: send }) : await submitImport({ db, actorId, plan, source, onProgress: send }));
      } catch (error) {
        if (!(error instanceof ImportConflictError)) console.error("import:", error);
        const reason = error instanceof ImportConflictError ? speak(error.message) : speak(said("importFailed"));
        send({ phase: "failed", message: `${reason} ${speak(said("importNothingWritten"))}` });
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
