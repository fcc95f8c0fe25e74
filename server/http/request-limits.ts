// A ceiling on request bodies, checked while reading, so a client cannot make the server buffer
// megabytes before validation refuses them. The largest real input (an event or agreement with
// twenty sources) is a few tens of kilobytes.
import { AppError } from "../shared/errors";
import { errorResponse, trpcDialect } from "./errors";

export const BODY_LIMITS = { api: 256 * 1024, auth: 16 * 1024 } as const;

/** Calls per tRPC batch: the server refuses more (400), the browser's batch link never sends more. */
export const MAX_BATCH_SIZE = 20;

export function bodyTooLarge(maxBytes: number): Response {
  const message = `Request body too large: the limit is ${Math.round(maxBytes / 1024)} KiB.`;
  return errorResponse(new AppError("PAYLOAD_TOO_LARGE", message), trpcDialect);
}

/** The request with its body read into memory, or a 413 as soon as it passes maxBytes. */
export async function withBodyLimit(req: Request, maxBytes: number): Promise<Request | Response> {
  if (!req.body) return req;
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return bodyTooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}
