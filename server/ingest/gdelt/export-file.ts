// An export file's rows, read as they stream in, down to the candidates that pair two tracked
// countries. Any bad row stops the read: the file is then not stored at all.
import { candidateOf, pairsTrackedCountries, type GdeltCandidate } from "./candidate";
import { lineBatches } from "./lines";
import { parseExportRow } from "./row";

export interface ExportRead {
  /** Rows in the file. */
  read: number;
  candidates: GdeltCandidate[];
}

/** How often a long read looks at its abort signal, in rows. */
const ABORT_CHECK_ROWS = 2_000;

export async function readExportRows(
  chunks: AsyncIterable<Buffer>,
  options: { tracked: ReadonlySet<string>; signal?: AbortSignal },
): Promise<ExportRead> {
  const candidates: GdeltCandidate[] = [];
  let read = 0;
  for await (const { lines, first } of lineBatches(chunks)) {
    for (let i = 0; i < lines.length; i++) {
      const line = first + i;
      if (line % ABORT_CHECK_ROWS === 0) options.signal?.throwIfAborted();
      const row = parseExportRow(lines[i] ?? "", line);
      read++;
      if (pairsTrackedCountries(row, options.tracked)) candidates.push(candidateOf(row));
    }
  }
  return { read, candidates };
}

/** The same, over text already in memory (tests, local files). */
export const readExportText = (text: string | Buffer, options: { tracked: ReadonlySet<string>; signal?: AbortSignal }) =>
  readExportRows(
    (async function* () {
      yield typeof text === "string" ? Buffer.from(text) : text;
    })(),
    options,
  );
