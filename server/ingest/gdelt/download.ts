// Downloads from GDELT with Node's fetch: a timeout on every request, a byte cap checked while
// the body streams in, and each zip checked against its listing line (size, MD5) before a byte
// of it is unzipped. A network failure is SourceUnreachableError (offline is normal); an answer
// that is not the file the listing promised is a GdeltFileError with the reason.
import { createHash } from "node:crypto";
import { SourceUnreachableError } from "../unreachable";
import { GdeltFileError } from "./errors";
import { linesOf } from "./lines";
import { parseListingLine, type ListedFile } from "./listing";
import { looksZipped } from "./unzip";

export const GDELT_SOURCE = "GDELT";

export interface DownloadLimits {
  /** Per request, headers and body. */
  timeoutMs: number;
  /** A listing (masterfilelist.txt grows by ~300 bytes a slot: hundreds of MB by now). */
  maxListingBytes: number;
  /** A zip as downloaded (export zips are well under 10 MB). */
  maxCompressedBytes: number;
  /** The CSV inside it. */
  maxUncompressedBytes: number;
}

export const DEFAULT_LIMITS: DownloadLimits = {
  timeoutMs: 60_000,
  maxListingBytes: 1 << 30,
  maxCompressedBytes: 64 << 20,
  maxUncompressedBytes: 512 << 20,
};

const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

/** GET with a timeout; what fails below HTTP (refused, reset, DNS, timeout) is unreachable. */
async function get(url: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<{ response: Response; signal: AbortSignal }> {
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "follow" });
  } catch (error) {
    throw unreachableOr(error, options.signal);
  }
  if (TRANSIENT_STATUS.has(response.status)) {
    await response.body?.cancel();
    throw new SourceUnreachableError(GDELT_SOURCE, { cause: new Error(`HTTP ${response.status} for ${url}`) });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new GdeltFileError("download", `HTTP ${response.status} for ${url}`);
  }
  return { response, signal };
}

/** The caller's own abort passes through as it is; anything else failed on the network. */
function unreachableOr(error: unknown, callerSignal: AbortSignal): unknown {
  if (callerSignal.aborted) return callerSignal.reason;
  return new SourceUnreachableError(GDELT_SOURCE, { cause: error });
}

/** The whole body, refused as soon as it passes `maxBytes`. */
async function bodyOf(url: string, response: Response, options: { maxBytes: number; callerSignal: AbortSignal; requestSignal: AbortSignal }): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new GdeltFileError("download", `${url} is ${declared} bytes, over the cap of ${options.maxBytes}`);
  }
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      if (total > options.maxBytes) throw new GdeltFileError("download", `${url} is over the cap of ${options.maxBytes} bytes`);
      parts.push(Buffer.from(chunk));
    }
  } catch (error) {
    await response.body?.cancel().catch(() => undefined);
    if (error instanceof GdeltFileError) throw error;
    if (options.callerSignal.aborted) throw options.callerSignal.reason;
    // A body that stops coming until the timeout is a source gone quiet, not a bad file.
    if (options.requestSignal.aborted) throw new SourceUnreachableError(GDELT_SOURCE, { cause: error });
    throw new GdeltFileError("download", `${url}: the download broke off after ${total} bytes (truncated)`, null, { cause: error });
  }
  return Buffer.concat(parts, total);
}

/**
 * A listing's files (lastupdate.txt, masterfilelist.txt), parsed line by line as the body
 * streams in: every line is checked, only those `keep` accepts are held.
 */
export async function fetchListing(
  url: string,
  options: { signal: AbortSignal; limits: DownloadLimits; keep?: (file: ListedFile) => boolean },
): Promise<ListedFile[]> {
  const { response, signal } = await get(url, { signal: options.signal, timeoutMs: options.limits.timeoutMs });
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > options.limits.maxListingBytes) {
    await response.body?.cancel();
    throw new GdeltFileError("listing", `${url} is ${declared} bytes, over the cap of ${options.limits.maxListingBytes}`);
  }
  const kept: ListedFile[] = [];
  let total = 0;
  const maxBytes = options.limits.maxListingBytes;
  async function* chunks() {
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      if (total > maxBytes) throw new GdeltFileError("listing", `${url} is over the cap of ${maxBytes} bytes`);
      yield Buffer.from(chunk);
    }
  }
  try {
    for await (const { text, line } of linesOf(chunks(), "listing")) {
      const file = parseListingLine(text, line);
      if (!options.keep || options.keep(file)) kept.push(file);
    }
  } catch (error) {
    await response.body?.cancel().catch(() => undefined);
    if (error instanceof GdeltFileError) throw error;
    if (options.signal.aborted) throw options.signal.reason;
    if (signal.aborted) throw new SourceUnreachableError(GDELT_SOURCE, { cause: error });
    throw new GdeltFileError("listing", `${url}: the download broke off after ${total} bytes`, null, { cause: error });
  }
  return kept;
}

/** The listed zip, checked: a zip at all, then its size, then its MD5. */
export async function downloadListed(file: ListedFile, options: { signal: AbortSignal; limits: DownloadLimits }): Promise<Buffer> {
  const { response, signal } = await get(file.url, { signal: options.signal, timeoutMs: options.limits.timeoutMs });
  const type = response.headers.get("content-type") ?? "no content type";
  if (file.size > options.limits.maxCompressedBytes) {
    await response.body?.cancel();
    throw new GdeltFileError("download", `${file.url} is listed at ${file.size} bytes, over the cap of ${options.limits.maxCompressedBytes}`);
  }
  // Read up to the cap rather than the listed size, so that an answer of the wrong length is
  // named for what it is (an HTML page, a longer file) rather than only as a size mismatch.
  const body = await bodyOf(file.url, response, { maxBytes: options.limits.maxCompressedBytes, callerSignal: options.signal, requestSignal: signal });
  if (!looksZipped(body)) {
    const start = body.subarray(0, 60).toString("utf8").replace(/\s+/g, " ").trim();
    throw new GdeltFileError("download", `${file.url} is not a zip: the server answered ${type}: ${JSON.stringify(start)}`);
  }
  if (body.length !== file.size) throw new GdeltFileError("download", `${file.url} is ${body.length} bytes, the listing says ${file.size} (truncated)`);
  const md5 = createHash("md5").update(body).digest("hex");
  if (md5 !== file.md5) throw new GdeltFileError("download", `${file.url} has MD5 ${md5}, the listing says ${file.md5} (corrupt)`);
  return body;
}
