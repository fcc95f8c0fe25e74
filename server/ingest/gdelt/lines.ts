// Lines out of a byte stream, a batch per chunk: the chunk's complete lines are checked for
// UTF-8 and decoded at once (the fast path), and only a chunk that fails is searched line by
// line, so that a non-UTF-8 byte is still reported with its line number. A whole file is never
// held as one string.
import { isUtf8 } from "node:buffer";
import { GdeltFileError, type GdeltFailure } from "./errors";

const LF = 0x0a;
/** An export row is a few hundred bytes; a "line" past this is not text of ours. */
export const MAX_LINE_BYTES = 1 << 20;

export interface LineBatch {
  /** The lines, without their line ends (a CR before LF is dropped). */
  lines: string[];
  /** The 1-based number of lines[0]. */
  first: number;
}

function firstBadLine(bytes: Buffer, first: number): number {
  let line = first;
  for (let start = 0; start <= bytes.length; line++) {
    const end = bytes.indexOf(LF, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    start = stop + 1;
  }
  return line;
}

function decoded(bytes: Buffer, first: number, failure: GdeltFailure): string[] {
  if (!isUtf8(bytes)) throw new GdeltFileError(failure, "not UTF-8 text", firstBadLine(bytes, first));
  const lines = bytes.toString("utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (l.endsWith("\r")) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/**
 * Each chunk's complete lines; a final line end is optional. `failure` says whose error a bad
 * byte is (an export row or a listing line).
 */
export async function* lineBatches(chunks: AsyncIterable<Buffer>, failure: GdeltFailure = "row"): AsyncGenerator<LineBatch> {
  let rest: Buffer = Buffer.alloc(0);
  let next = 1;
  for await (const chunk of chunks) {
    const bytes = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const last = bytes.lastIndexOf(LF);
    if (last === -1) {
      rest = bytes;
      if (rest.length > MAX_LINE_BYTES) throw new GdeltFileError(failure, `longer than ${MAX_LINE_BYTES} bytes`, next);
      continue;
    }
    const lines = decoded(bytes.subarray(0, last), next, failure);
    yield { lines, first: next };
    next += lines.length;
    rest = bytes.subarray(last + 1);
  }
  if (rest.length) yield { lines: decoded(rest, next, failure), first: next };
}

/** Line by line, for small inputs such as listings. */
export async function* linesOf(chunks: AsyncIterable<Buffer>, failure: GdeltFailure = "row"): AsyncGenerator<{ text: string; line: number }> {
  for await (const { lines, first } of lineBatches(chunks, failure)) {
    for (const [i, text] of lines.entries()) yield { text, line: first + i };
  }
}
