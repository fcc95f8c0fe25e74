// The front of `npm start -- --instances N` (scripts/instances.ts): the only server on the public
// port, passing each request on to an instance listening on a private Unix socket. Unlike
// node:cluster's connection hand-out, it chooses per request: tRPC calls go to the instances
// kept for them and everything else (pages, their scripts, route handlers) to the others, so a
// 10 ms call never waits behind a page's 70 ms render on one event loop (BENCHMARKS.md, "API
// calls apart from pages"). Any instance can answer anything: with none of a role serving (one
// crashed and its replacement is starting), the others take its requests.
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { createProxyServer } from "http-proxy-3";
import { forwardedFor } from "../auth/client-address";

export type InstanceRole = "api" | "pages";

/** Which instances serve what: a third of them (at least one) for the calls, which cost a third of the CPU under the load mix. */
export function instanceRoles(count: number): InstanceRole[] {
  const api = Math.max(1, Math.floor(count / 3));
  return Array.from({ length: count }, (_, i) => (i < api ? "api" : "pages"));
}

export function roleFor(url: string): InstanceRole {
  return url === "/api/trpc" || url.startsWith("/api/trpc/") || url.startsWith("/api/trpc?") ? "api" : "pages";
}

export interface Backend {
  role: InstanceRole;
  socketPath: string;
  /** Serving: its server listens (false from its exit until its replacement listens). */
  up: boolean;
  inFlight: number;
}

/** The serving instance of the role with the fewest requests in flight; any serving one when none of the role is. */
export function pickBackend(backends: readonly Backend[], role: InstanceRole): Backend | undefined {
  const serving = backends.filter((b) => b.up);
  const candidates = serving.some((b) => b.role === role) ? serving.filter((b) => b.role === role) : serving;
  return candidates.reduce<Backend | undefined>((best, b) => (best === undefined || b.inFlight < best.inFlight ? b : best), undefined);
}

/** Seconds a client is told to wait when no instance serves (all starting): about one's start. */
const STARTING_RETRY_AFTER_S = 5;

function plainAnswer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(text);
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** Nobody listens on the instance's socket: it died, and the primary has not heard yet. */
const nobodyListens = (error: unknown) => ["ECONNREFUSED", "ENOENT"].includes(codeOf(error) ?? "");

/** The connection failed before any answer: nobody listens, or a kept-alive connection to an instance that died was reset. */
const noAnswer = (error: unknown) => nobodyListens(error) || ["ECONNRESET", "EPIPE"].includes(codeOf(error) ?? "");

/** A read: safe to ask of another instance whatever cut it, and without a body to keep. */
const isRead = (req: IncomingMessage) => req.method === "GET" || req.method === "HEAD";

/**
 * Request bodies up to this size (tRPC mutations, sign-in) are read whole before they are passed
 * on, so one refused by an instance that has just died can be sent to another. Larger ones (CSV
 * imports) stream through as they arrive, and fail with their instance.
 */
const REPLAYABLE_BODY_BYTES = 1024 * 1024;

/** The request's body when it is small enough to send again; undefined for one that streams. */
async function replayableBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (isRead(req)) return undefined;
  const length = Number(req.headers["content-length"] ?? Number.NaN);
  if (!Number.isSafeInteger(length) || length > REPLAYABLE_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function frontServer(backends: readonly Backend[], trustedProxyHops: number): Server {
  // Kept-alive connections to each socket: a new one per request would cost a connect each time.
  const proxy = createProxyServer({ agent: new Agent({ keepAlive: true }) });
  // An instance that dies while sending an answer cuts it short; the client's connection is
  // closed too, as a single server's would be, rather than left waiting for the rest.
  proxy.on("proxyRes", (proxyRes, _req, res) => proxyRes.once("close", () => proxyRes.complete || res.destroy()));

  const pass = (req: IncomingMessage, res: ServerResponse, role: InstanceRole, body: Buffer | undefined, skipped: readonly Backend[], resets = 0) => {
    const backend = pickBackend(skipped.length ? backends.filter((b) => !skipped.includes(b)) : backends, role);
    if (!backend) {
      plainAnswer(res, 503, "The server is starting; try again in a few seconds.\n", { "Retry-After": String(STARTING_RETRY_AFTER_S) });
      return;
    }
    backend.inFlight += 1;
    let released = false;
    const release = () => {
      if (!released) backend.inFlight -= 1;
      released = true;
    };
    res.once("close", release);
    const target = { socketPath: backend.socketPath, host: "localhost", port: 0 };
    proxy.web(req, res, { target, buffer: body && Readable.from([body]) }, (error) => {
      release();
      // Refused: the instance died, and the primary has not heard yet. Nothing reached it.
      if (nobodyListens(error)) backend.up = false;
      if (!res.headersSent && askAgain(req, body, error)) {
        // A first reset may be a kept-alive connection closed under the request, the instance alive:
        // asked again of its role on a new connection, not handed to the other role (whose
        // instance would load that page's code cold, holding its loop for most of a second).
        const again = !nobodyListens(error) && resets === 0;
        pass(req, res, role, body, again ? skipped : [...skipped, backend], resets + 1);
        return;
      }
      // The instance went away while answering (a crash, a kill): as with a single server, only
      // the requests it was answering fail.
      plainAnswer(res, 502, "The server instance answering this request stopped; try again.\n");
    });
  };

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    // The instance sees a Unix socket, not the client: the address is read here, as a single
    // server would (server/http/node-server.ts), and the instance keeps the header as it is.
    req.headers["x-forwarded-for"] = forwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustedProxyHops);
    replayableBody(req).then(
      (body) => pass(req, res, roleFor(req.url ?? "/"), body, []),
      // The client went away mid-body: nobody is left to answer.
      () => res.destroy(),
    );
  });
}

/**
 * Whether a request whose instance gave no answer may go to another. A GET is a read, safe to ask
 * again whatever cut it. Anything else only when nobody listened (it reached no instance) and its
 * body was kept; a reset may have come after the instance carried it out.
 */
function askAgain(req: IncomingMessage, body: Buffer | undefined, error: unknown): boolean {
  if (isRead(req)) return noAnswer(error);
  return body !== undefined && nobodyListens(error);
}
