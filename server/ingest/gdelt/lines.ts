// Lines out of a byte stream, split on LF before decoding so that a non-UTF-8 byte is reported
// on its own line number, and a whole file is never held as one string.
import { isUtf8 } from "node:buffer";
import { GdeltFileError, type GdeltFailure } from "./errors";

const LF = 0x0a;
/** An export row is a few hundred bytes; a "line" past this is not text of ours. */
export const MAX_LINE_BYTES = 1 << 20;

function decoded(bytes: Buffer, line: number, failure: GdeltFailure): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const body = bytes.subarray(0, end);
  if (!isUtf8(body)) throw new GdeltFileError(failure, "not UTF-8 text", line);
  return body.toString("utf8");
}

/**
 * Each line with its 1-based number; a final line end is optional, a CR before LF is dropped.
 * `failure` says whose error a bad byte is (an export row or a listing line).
 */
export async function* linesOf(chunks: AsyncIterable<Buffer>, failure: GdeltFailure = "row"): AsyncGenerator<{ text: string; line: number }> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of chunks) {
    const bytes = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(LF, start); end !== -1; end = bytes.indexOf(LF, start)) {
      yield { text: decoded(bytes.subarray(start, end), ++line, failure), line };
      start = end + 1;
    }
    rest = bytes.subarray(start);
    if (rest.length > MAX_LINE_BYTES) throw new GdeltFileError(failure, `longer than ${MAX_LINE_BYTES} bytes`, line + 1);
  }
  if (rest.length) yield { text: decoded(rest, ++line, failure), line };
}
