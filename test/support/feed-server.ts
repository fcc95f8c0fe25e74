// A local news-feed server for tests and the offline demo: serves the hand-written feeds of
// test/fixtures/feeds/ with ETag and Last-Modified, answers 304 to matching validators, and
// plays the faults real servers commit. Listens on 127.0.0.1 on a free port.
//   /feeds/<file>           a fixture feed (see FIXTURE_FEEDS for the Content-Type each is served with)
//   /fault/invalid-xml      a feed cut off mid-item
//   /fault/huge             10 MB of feed-like text, streamed without a Content-Length
//   /fault/html             a 200 with an HTML error page
//   /fault/close            the connection closed before any answer
//   /fault/http-503         a 503
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const FIXTURE_FEED_DIR = path.resolve(import.meta.dirname, "../fixtures/feeds");

/** Each fixture and the Content-Type it is served with (what real servers send, mislabels included). */
export const FIXTURE_FEEDS = {
  "le-quotidien.rss.xml": "application/rss+xml; charset=utf-8",
  "gazette-latin1.rss.xml": "application/rss+xml",
  "hebdo-cp1252.rss.xml": "text/xml; charset=utf-8",
  "wire-bom.rss.xml": "application/rss+xml",
  "akhbar.atom.xml": "application/atom+xml",
} as const;

export type FixtureFeed = keyof typeof FIXTURE_FEEDS;

const LAST_MODIFIED = "Thu, 12 Jun 2025 12:00:00 GMT";
const HUGE_BYTES = 10 * 1024 * 1024;

export interface FeedServer {
  origin: string;
  url(pathname: string): string;
  /** Every request received, in order, with its headers. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  /** Serves other bytes under a path from now on (a feed that gained an item). */
  set(pathname: string, body: string | Uint8Array, contentType?: string): void;
  close(): Promise<void>;
}

interface Served {
  body: Buffer;
  contentType: string;
  etag: string;
}

const served = (body: string | Uint8Array, contentType: string): Served => {
  const bytes = Buffer.from(body);
  return { body: bytes, contentType, etag: `"${createHash("sha1").update(bytes).digest("hex").slice(0, 16)}"` };
};

export async function startFeedServer(): Promise<FeedServer> {
  const files = new Map<string, Served>();
  for (const [name, contentType] of Object.entries(FIXTURE_FEEDS)) {
    files.set(`/feeds/${name}`, served(await readFile(path.join(FIXTURE_FEED_DIR, name)), contentType));
  }
  const truncated = (await readFile(path.join(FIXTURE_FEED_DIR, "le-quotidien.rss.xml"), "utf8")).slice(0, 1500);
  files.set("/fault/invalid-xml", served(truncated, "application/rss+xml; charset=utf-8"));
  files.set(
    "/fault/html",
    served("<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head><body><h1>We'll be back soon</h1></body></html>", "text/html; charset=utf-8"),
  );
  const requests: FeedServer["requests"] = [];

  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    requests.push({ path: pathname, headers: request.headers });
    if (pathname === "/fault/close") return request.socket.destroy();
    if (pathname === "/fault/http-503") return response.writeHead(503, { "content-type": "text/plain" }).end("busy");
    if (pathname === "/fault/huge") return streamHuge(response);
    // A feed that moved (followed), and one that sends the reader into the cloud's metadata service.
    if (pathname === "/moved/le-quotidien") return response.writeHead(301, { location: "/feeds/le-quotidien.rss.xml" }).end();
    if (pathname === "/fault/redirect-internal") return response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    const file = files.get(pathname);
    if (!file) return response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    const validators = { etag: file.etag, "last-modified": LAST_MODIFIED };
    const notModified =
      request.headers["if-none-match"] === file.etag || (!request.headers["if-none-match"] && request.headers["if-modified-since"] === LAST_MODIFIED);
    if (notModified) return response.writeHead(304, validators).end();
    response.writeHead(200, { ...validators, "content-type": file.contentType, "content-length": file.body.length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => `${origin}${pathname}`,
    requests,
    set: (pathname, body, contentType = "application/rss+xml; charset=utf-8") => void files.set(pathname, served(body, contentType)),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Chunked, so that only counting while reading can refuse it. */
function streamHuge(response: ServerResponse): void {
  response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
  const chunk = Buffer.from(`<item><title>${"Maroc ".repeat(160)}</title></item>\n`);
  let sent = 0;
  const write = () => {
    while (sent < HUGE_BYTES) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once("drain", write);
    }
    response.end();
  };
  response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
  response.on("error", () => undefined);
  write();
}
