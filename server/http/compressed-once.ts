// An API answer many requests share (server/shared/shared-answer.ts) compressed once, not once per
// request. Next.js gzips every response as it is sent: for the largest shared answers, three years
// of a dyad day by day (160 KB) and the map's year of events (125 KB), that was most of the call's
// CPU (BENCHMARKS.md, "Compressed once": the series 16–18 ms per call before, 7–11 after). The
// first request for an answer compresses its body off the event loop (zlib's thread pool) and
// later ones send the same bytes; the bytes go with the answer, which a write replaces. Only
// behind our HTTP server, which hands the encoding on past Next.js (server/http/node-server.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { servedByAppServer } from "../shared/request-outcome";
import { isShared } from "../shared/shared-answer";

/** How a route names the encoding of a body it encoded itself; our server sends it as Content-Encoding. */
export const ENCODED_BODY_HEADER = "x-maghreb-content-encoding";

const gzipped = promisify(gzip);

/** The values a request's procedures answered, in the order tRPC serialized them. */
const answered = new AsyncLocalStorage<unknown[]>();

/** Called by tRPC's output transformer for every value it sends (server/trpc.ts). */
export function noteAnswer(value: unknown): void {
  answered.getStore()?.push(value);
}

/** Per shared answer, its gzipped body per envelope (a batch of one or a single call). */
const bodies = new WeakMap<object, Map<string, Promise<Buffer>>>();

const acceptsGzip = (headers: Headers) => /\bgzip\b/.test(headers.get("accept-encoding") ?? "");

/**
 * `respond()`'s response; when it is a GET whose one answer is shared, sent gzipped from the bytes
 * compressed for that answer the first time. Anything else (a mutation, an error, a batch of
 * several answers, a streamed batch, a client that takes no gzip, a server other than ours) goes
 * out as it came, and Next.js compresses it as before.
 */
export async function compressedOnce(req: Request, respond: () => Promise<Response>): Promise<Response> {
  const values: unknown[] = [];
  const response = await answered.run(values, respond);
  const [value] = values;
  const single = values.length === 1 && typeof value === "object" && value !== null && isShared(value);
  if (!single || !servedByAppServer() || req.method !== "GET" || response.status !== 200 || !acceptsGzip(req.headers) || req.headers.has("trpc-accept")) return response;

  // The envelope around the answer differs between a batch of one and a single call.
  const envelope = new URL(req.url).searchParams.has("batch") ? "batch" : "single";
  let forAnswer = bodies.get(value);
  if (!forAnswer) bodies.set(value, (forAnswer = new Map()));
  let body = forAnswer.get(envelope);
  if (body) {
    void response.body?.cancel();
  } else {
    body = response.arrayBuffer().then((raw) => gzipped(Buffer.from(raw)));
    forAnswer.set(envelope, body);
    // A failure is this request's alone: the next one compresses again.
    body.catch(() => forAnswer.delete(envelope));
  }
  const headers = new Headers(response.headers);
  headers.set(ENCODED_BODY_HEADER, "gzip");
  headers.append("vary", "accept-encoding");
  headers.delete("content-length");
  return new Response(new Uint8Array(await body), { status: response.status, statusText: response.statusText, headers });
}
