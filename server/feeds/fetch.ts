// One conditional GET of a feed: the validators of the last good poll are sent, so an unchanged
// feed costs a 304 and nothing else. The body is read up to a cap and refused past it (by its
// Content-Length before reading, or while reading), and the whole request has a time limit. The
// feed's address, and each address it redirects to, must be public (outbound-target.ts).
import { refusedTargetUrl, TARGET_NEEDS } from "../http/outbound-target";
import { fetchPublic } from "../http/public-fetch";
import { readBodyCapped } from "../http/request-limits";
import { FeedConnectionError, FeedReadError } from "./errors";

export const FEED_MAX_BYTES = 2 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 15_000;
const USER_AGENT = "MaghrebMonitor/1.0 (news feed reader)";
const MAX_REDIRECTS = 5;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchedFeed =
  | { status: "not-modified" }
  | { status: "ok"; bytes: Uint8Array; contentType: string | null; validators: Validators };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 1 : 0)} MB`;

/** The cause a failed fetch gives, as a short reason ("ECONNREFUSED", "timed out"). */
function connectionReason(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return "timed out";
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return "code" in cause && typeof cause.code === "string" ? cause.code : cause.message;
  return error instanceof Error ? error.message : String(error);
}

export async function fetchFeed(input: {
  url: string;
  validators: Validators;
  signal: AbortSignal;
  /** Whether 127.0.0.1 may be fetched (loopbackTargetsAllowed()). */
  allowLoopback: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}): Promise<FetchedFeed> {
  const { url, validators, signal, allowLoopback, maxBytes = FEED_MAX_BYTES, timeoutMs = FEED_TIMEOUT_MS } = input;
  const headers = new Headers({ "user-agent": USER_AGENT, accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1" });
  if (validators.etag) headers.set("if-none-match", validators.etag);
  if (validators.lastModified) headers.set("if-modified-since", validators.lastModified);
  const requestSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  try {
    const response = await fetchFollowingPublicRedirects(url, { headers, signal: requestSignal }, allowLoopback);
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: "not-modified" };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedReadError(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    }
    const bytes = await readBodyCapped(response, maxBytes);
    if (bytes === "too-large") throw new FeedReadError(`the feed is over the ${megabytes(maxBytes)} a feed may be`);
    return {
      status: "ok",
      bytes,
      contentType: response.headers.get("content-type"),
      validators: { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") },
    };
  } catch (error) {
    // The run itself was stopped: not this feed's fault, and not worth recording.
    if (signal.aborted) throw signal.reason;
    if (error instanceof FeedReadError) throw error;
    throw new FeedConnectionError(`could not connect: ${connectionReason(error)}`, { cause: error });
  }
}

/** fetch, following redirects by hand so that every address on the way is checked before it is asked. */
async function fetchFollowingPublicRedirects(first: string, init: { headers: Headers; signal: AbortSignal }, allowLoopback: boolean): Promise<Response> {
  let url = first;
  for (let hop = 0; ; hop++) {
    const refused = await refusedTargetUrl(url, { schemes: "http-or-https", allowLoopback });
    if (refused) throw new FeedReadError(`${hop === 0 ? "the feed's address" : `its redirect to ${url}`} is refused: a feed needs ${TARGET_NEEDS[refused]}`);
    const response = await fetchPublic(url, { ...init, redirect: "manual" }, allowLoopback);
    const location = response.headers.get("location");
    if (response.status < 300 || response.status > 399 || response.status === 304 || !location) return response;
    await response.body?.cancel();
    if (hop === MAX_REDIRECTS) throw new FeedReadError(`more than ${MAX_REDIRECTS} redirects`);
    url = new URL(location, url).toString();
  }
}
