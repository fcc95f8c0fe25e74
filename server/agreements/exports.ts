// The export routes' work: who may read, which filters, and the document, streamed for the
// downloads (CSV, JSON) so that memory holds one batch of rows however many match.
import type { Db } from "../db-client";
import { answering } from "../http/errors";
import { isoDayOf } from "../scope/day";
import { agreementsAtom } from "./atom";
import { csvHeader, csvLines, type CsvColumn } from "./csv";
import { exportRecord } from "./export-record";
import { exportLocaleOf, exportWords, type ExportWords } from "./export-words";
import { authorizeExport, exportDialect, type SessionLookup } from "./export-access";
import { parseAgreementFilters } from "./filters";
import type { AgreementFilters } from "./schemas";
import { agreementExportBatches, type AgreementExportRow } from "./service";
import { speakerFor } from "../i18n/spoken";

export type ExportFormat = "atom" | "csv" | "json";

/** Feed readers want what is new, not the archive: the downloads carry everything. */
const ATOM_ENTRIES = 50;

async function* csvChunks(batches: AsyncIterable<AgreementExportRow[]>, origin: string, { t }: ExportWords): AsyncGenerator<string> {
  let header = csvHeader((column: CsvColumn) => t(`csv.${column}`));
  for await (const batch of batches) {
    yield header + csvLines(batch, origin);
    header = "";
  }
  if (header) yield header;
}

async function* jsonChunks(
  batches: AsyncIterable<AgreementExportRow[]>,
  { origin, filters, now }: { origin: string; filters: AgreementFilters; now: Date },
): AsyncGenerator<string> {
  let opening = `{"generatedAt":${JSON.stringify(now.toISOString())},"filters":${JSON.stringify(filters)},"agreements":[`;
  let written = 0;
  for await (const batch of batches) {
    let text = opening;
    for (const row of batch) text += (written++ === 0 ? "\n" : ",\n") + JSON.stringify(exportRecord(row, origin));
    yield text;
    opening = "";
  }
  yield `${opening}\n]}\n`;
}

/**
 * A response whose body pulls one chunk at a time, only when the client reads (backpressure).
 * The first chunk is read before answering, so a failing database gives an error status (503
 * for an outage), not a 200 with a truncated file.
 */
async function streamed(chunks: AsyncGenerator<string>, headers: Record<string, string>): Promise<Response> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | null = await chunks.next();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = pending ?? (await chunks.next());
          pending = null;
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          console.error("Agreements export stopped:", error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { headers });
}

function download(type: string, extension: string, now: Date): Record<string, string> {
  return {
    "Content-Type": `${type}; charset=utf-8`,
    "Content-Disposition": `attachment; filename="agreements-${isoDayOf(now)}.${extension}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** An export or feed, a 401 with what to do, or 503 with a reason when the database is out (the routes' one entry). */
export function exportAgreements(input: Parameters<typeof exportOrRefusal>[0]): Promise<Response> {
  return answering(() => exportOrRefusal(input), exportDialect, input.request.headers);
}

async function exportOrRefusal({
  db,
  request,
  format,
  session,
  now = new Date(),
}: {
  db: Db;
  request: Request;
  format: ExportFormat;
  session?: SessionLookup;
  now?: Date;
}): Promise<Response> {
  await authorizeExport({ db, request, session });

  const url = new URL(request.url);
  const parsed = parseAgreementFilters(url.searchParams);
  if (!parsed.ok) {
    const speak = speakerFor(exportLocaleOf(request));
    return Response.json({ error: "bad_request", problems: parsed.problems.map((problem) => ({ ...problem, message: speak(problem.message) })) }, { status: 400 });
  }
  const { filters } = parsed;
  const origin = url.origin;
  const words = await exportWords(exportLocaleOf(request));

  if (format === "atom") {
    const agreements: AgreementExportRow[] = [];
    for await (const batch of agreementExportBatches({ db, filters, batchSize: ATOM_ENTRIES, max: ATOM_ENTRIES })) {
      agreements.push(...batch);
    }
    return new Response(agreementsAtom({ origin, filters, agreements, now, words }), {
      headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "private, max-age=300" },
    });
  }
  const batches = agreementExportBatches({ db, filters });
  return format === "csv"
    ? streamed(csvChunks(batches, origin, words), download("text/csv", "csv", now))
    : streamed(jsonChunks(batches, { origin, filters, now }), download("application/json", "json", now));
}
