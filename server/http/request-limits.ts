// A ceiling on request bodies, checked while reading, so a client cannot make the server buffer
// megabytes before validation refuses them. The largest real input (an event or agreement with
// twenty sources) is a few tens of kilobytes.
import { AppError } from "../shared/errors";
import { errorResponse, trpcDialect } from "./errors";
import { said } from "../shared/said";
import { localeOfRequest } from "../i18n/negotiate";

export const BODY_LIMITS = { api: 256 * 1024, auth: 16 * 1024 } as const;

/** Calls per tRPC batch: the server refuses more (400), the browser's batch link never sends more. */
export const MAX_BATCH_SIZE = 20;

/** The 413 for a body past `maxBytes`, in the language of the request whose `headers` are given. */
export function bodyTooLarge(maxBytes: number, headers?: Headers): Response {
  return errorResponse(new AppError("PAYLOAD_TOO_LARGE", said("bodyTooLarge", { kib: Math.round(maxBytes / 1024) })), trpcDialect, localeOfRequest(headers));
}

/**
 * A request's or response's body read into memory, or "too-large" as soon as it passes maxBytes
 * (by its Content-Length before reading, or while reading), the rest left unread.
 */
export async function readBodyCapped(message: Request | Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | "too-large"> {
  const declared = Number(message.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await message.body?.cancel();
    return "too-large";
  }
  if (!message.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = message.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The request with its body read into memory, or a 413 as soon as it passes maxBytes. */
export async function withBodyLimit(req: Request, maxBytes: number): Promise<Request | Response> {
  if (!req.body) return req;
  const body = await readBodyCapped(req, maxBytes);
  if (body === "too-large") return bodyTooLarge(maxBytes, req.headers);
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}
