// The app's HTTP server: Next.js's request handler behind a node:http server of our own, which
// is what lets route handlers know the socket's address (server/auth/client-address.ts) — the
// sign-in throttle counts attempts per address, and a client must not choose its own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { forwardedFor } from "../auth/client-address";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Rewrites X-Forwarded-For from the socket before the app sees the request. */
export function withClientAddress(handle: Handle, trustedProxyHops: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    req.headers["x-forwarded-for"] = forwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustedProxyHops);
    void handle(req, res);
  };
}

export function appServer(handle: Handle, trustedProxyHops: number): Server {
  return createServer(withClientAddress(handle, trustedProxyHops));
}
