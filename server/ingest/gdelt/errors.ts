// What goes wrong with a GDELT file's content — a bad listing line, a download that is not the
// file the listing promised, a zip over its cap, a row that is not an export row. The job run
// records the message; nothing of that file is written. (A source that cannot be reached at all
// is SourceUnreachableError instead: offline is normal, a bad file is not.)

export type GdeltFailure = "listing" | "download" | "zip" | "row";

export class GdeltFileError extends Error {
  override readonly name = "GdeltFileError";
  constructor(
    readonly failure: GdeltFailure,
    message: string,
    /** The 1-based line of the listing or export file the message is about, when it names one. */
    readonly line: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(line === null ? message : `line ${line}: ${message}`, options);
  }
}

export const isGdeltFileError = (error: unknown): error is GdeltFileError => error instanceof GdeltFileError;
