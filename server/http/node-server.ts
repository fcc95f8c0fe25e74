// The app's HTTP server: Next.js's request handler behind a node:http server of our own, which
// is what lets route handlers know the socket's address (server/auth/client-address.ts) — the
// sign-in throttle counts attempts per address, and a client must not choose its own — and
// lets a page that failed because of the database answer 503 instead of Next's 500.
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { forwardedFor } from "../auth/client-address";
import { requestStarted } from "../runtime-metrics";
import { requestOutcomes, type RequestOutcome } from "../shared/request-outcome";
import { retryAfterOf } from "../shared/unavailable";
import { ENCODED_BODY_HEADER } from "./compressed-once";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

// Where noteDatabaseRefusal finds the request being served, from inside Next's bundles.
const outcomes = (requestOutcomes.maghrebRequestOutcomes ??= new AsyncLocalStorage<RequestOutcome>());

/**
 * Next.js answers a page whose render failed 500, and pages cannot set a status. When a database
 * refusal was noted while serving it, the 500 becomes a 503 with Retry-After: the same error
 * page ("Database unavailable"), and a status that tells clients and balancers to come back.
 * Every status is written through writeHead, explicit or implicit (res.write / res.end).
 */
function refusalsAs503(res: ServerResponse, outcome: RequestOutcome): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const refusal = outcome.databaseRefusal;
    if (args[0] === 500 && refusal && !this.headersSent) {
      args[0] = 503;
      this.statusMessage = "Service Unavailable";
      this.setHeader("Retry-After", String(retryAfterOf(refusal)));
      this.setHeader("Cache-Control", "no-store");
    }
    return Reflect.apply(writeHead, this, args);
  } as ServerResponse["writeHead"];
}

/**
 * Next.js drops Content-Encoding from a route's response (it may be a fetched body it decoded)
 * and compresses the body again: a body the route encoded itself (server/http/compressed-once.ts)
 * names its encoding in ENCODED_BODY_HEADER, set here as Content-Encoding before Next's
 * compression looks, which then leaves it as it is.
 */
function encodedBodiesPassed(res: ServerResponse): void {
  const setHeader = res.setHeader;
  res.setHeader = function (this: ServerResponse, name: string, value: number | string | readonly string[]) {
    return Reflect.apply(setHeader, this, [name.toLowerCase() === ENCODED_BODY_HEADER ? "Content-Encoding" : name, value]);
  } as ServerResponse["setHeader"];
}

/**
 * Rewrites X-Forwarded-For from the socket before the app sees the request; behind the front of
 * several instances (server/http/front.ts), which has done so from the client's socket, keeps it.
 */
export function withClientAddress(handle: Handle, trustedProxyHops: number, options: { behindFront?: boolean } = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!options.behindFront) req.headers["x-forwarded-for"] = forwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustedProxyHops);
    const answered = requestStarted(req.url ?? "");
    const outcome: RequestOutcome = { databaseRefusal: null, checkouts: 0 };
    res.once("close", () => answered(outcome.checkouts));
    refusalsAs503(res, outcome);
    encodedBodiesPassed(res);
    outcomes.run(outcome, () => void handle(req, res));
  };
}

export function appServer(handle: Handle, trustedProxyHops: number, options: { behindFront?: boolean } = {}): Server {
  const server = createServer(withClientAddress(handle, trustedProxyHops, options));
  // Behind the front, a connection comes from the front's pool only, and the front closes it.
  // Closed here once idle instead (Node: 5 s, and 1 s more since Node 24), it was now and then
  // closed just as the front sent a request on it: a reset the front took for a dead instance.
  if (options.behindFront) server.keepAliveTimeout = 0;
  return server;
}
