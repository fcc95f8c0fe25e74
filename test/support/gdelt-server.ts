// A local stand-in for GDELT 2.0's download server, for tests and the offline demo: a real
// node:http server on 127.0.0.1 serving /gdeltv2/lastupdate.txt, /gdeltv2/masterfilelist.txt and
// zips it builds itself (yazl) from the real samples, listed with their own sizes and MD5s.
// By default each slot serves the `actorCodesChangedToTrackedPairs` fixture (test/fixtures/gdelt.ts).
// `npm run ingest:demo` (scripts/ingest-demo.ts) serves it beside the app.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import yazl from "yazl";
import { exportWithTrackedPairs, realMentions, SAMPLE_SLOTS } from "@/test/fixtures/gdelt";

/**
 * What a zip download does instead of answering well: cut short, listed with a wrong MD5, an
 * HTML error page (200, text/html), half sent then stalled, the connection closed at once, 404.
 */
export type GdeltFault = "truncated" | "wrong-md5" | "html" | "slow" | "closed" | "not-found";

export interface GdeltFixtureServer {
  /** e.g. http://127.0.0.1:40123/gdeltv2 — what GDELT_BASE_URL is set to. */
  baseUrl: string;
  /** Every slot it can serve ("20150218230000"), oldest first. */
  slots(): string[];
  /** The slot's files become the latest (lastupdate.txt); masterfilelist.txt lists every published slot. */
  publish(slot: string): void;
  /** Adds or replaces a slot's export rows (text or raw bytes), zipped and listed anew. */
  setExport(slot: string, rows: string | Buffer): Promise<void>;
  /** Makes the slot's export zip misbehave; null restores it. */
  fault(slot: string, mode: GdeltFault | null): void;
  /** The listing line of a slot's export file. */
  exportLine(slot: string): { size: number; md5: string; url: string };
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

interface Served {
  bytes: Buffer;
  md5: string;
}

export async function zipOf(name: string, content: Buffer): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // A fixed time keeps the bytes, and so the MD5, the same from run to run.
  zip.addBuffer(content, name, { mtime: new Date(Date.UTC(2015, 1, 18)) });
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

const served = (bytes: Buffer): Served => ({ bytes, md5: createHash("md5").update(bytes).digest("hex") });

export async function startGdeltFixtureServer(options: { port?: number } = {}): Promise<GdeltFixtureServer> {
  const files = new Map<string, Served>();
  const faults = new Map<string, GdeltFault>();
  const published = new Set<string>();
  let latest: string | null = null;
  const requests: string[] = [];
  const stalled = new Set<ServerResponse>();

  const addFile = async (name: string, content: string | Buffer) => {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    files.set(`${name}.zip`, served(await zipOf(name, bytes)));
  };
  for (const slot of SAMPLE_SLOTS) {
    await addFile(`${slot}.export.CSV`, exportWithTrackedPairs(slot));
    await addFile(`${slot}.mentions.CSV`, realMentions(slot));
  }

  const server = createServer((req, res) => answer(req, res));
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/gdeltv2`;

  const slots = () => [...new Set([...files.keys()].map((name) => name.slice(0, 14)))].sort();
  const lineOf = (name: string): string | null => {
    const file = files.get(name);
    if (!file) return null;
    const md5 = faults.get(name) === "wrong-md5" ? "0".repeat(32) : file.md5;
    return `${file.bytes.length} ${md5} ${baseUrl}/${name}`;
  };
  // GDELT lists three files a slot (export, mentions, gkg); the samples have no gkg, so none is listed.
  const slotLines = (slot: string) => [lineOf(`${slot}.export.CSV.zip`), lineOf(`${slot}.mentions.CSV.zip`)].filter((l) => l !== null);
  const listing = (slotsListed: string[]) => slotsListed.flatMap(slotLines).map((l) => `${l}\n`).join("");

  function answer(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", baseUrl).pathname;
    requests.push(path);
    const name = path.startsWith("/gdeltv2/") ? path.slice("/gdeltv2/".length) : "";
    if (name === "lastupdate.txt") return text(res, latest ? listing([latest]) : "");
    if (name === "masterfilelist.txt") return text(res, listing([...published].sort()));
    const file = files.get(name);
    if (!file) return notFound(res);
    const fault = faults.get(name);
    if (fault === "not-found") return notFound(res);
    if (fault === "closed") return req.socket.destroy();
    if (fault === "html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>");
    }
    res.writeHead(200, { "content-type": "application/zip" });
    if (fault === "truncated") return res.end(file.bytes.subarray(0, Math.floor(file.bytes.length / 2)));
    if (fault === "slow") {
      stalled.add(res);
      res.on("close", () => stalled.delete(res));
      return void res.write(file.bytes.subarray(0, Math.floor(file.bytes.length / 2)));
    }
    res.end(file.bytes);
  }

  return {
    baseUrl,
    slots,
    publish(slot) {
      if (!files.has(`${slot}.export.CSV.zip`)) throw new Error(`no export file for slot ${slot}`);
      published.add(slot);
      if (!latest || slot > latest) latest = slot;
    },
    async setExport(slot, rows) {
      await addFile(`${slot}.export.CSV`, rows);
    },
    fault(slot, mode) {
      const name = `${slot}.export.CSV.zip`;
      if (mode) faults.set(name, mode);
      else faults.delete(name);
    },
    exportLine(slot) {
      const line = lineOf(`${slot}.export.CSV.zip`);
      if (!line) throw new Error(`no export file for slot ${slot}`);
      const [size = "", md5 = "", url = ""] = line.split(" ");
      return { size: Number(size), md5, url };
    },
    requests,
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

function text(res: ServerResponse, body: string) {
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { "content-type": "text/html" });
  res.end("<html><body>404 Not Found</body></html>");
}
