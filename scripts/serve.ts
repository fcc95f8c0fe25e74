// The app's web server, started by scripts/start.ts in place of `next start` / `next dev`:
// Next.js's request handler behind our own node:http server (server/http/node-server.ts), so
// that the app knows each request's socket address. With `--instances N` (N > 1) this process
// becomes the primary of N instances behind a front on the port (scripts/instances.ts); each
// instance runs this same file, listening on the private socket the primary gives it.
//   node --import tsx scripts/serve.ts --hostname 127.0.0.1 --port 3000 [--dev] [--instances N]
import "./require-node";
import "./closed-output";
import next from "next";
import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { parseEnv } from "../server/env";
import { appServer } from "../server/http/node-server";
import { reportRuntimeMetrics } from "../server/runtime-metrics";
import { instanceSocket, listenOnSocket, superviseInstances } from "./instances";

const { values } = parseArgs({
  options: { hostname: { type: "string" }, port: { type: "string" }, dev: { type: "boolean", default: false }, instances: { type: "string" } },
});
const settings = parseEnv(process.env);
const hostname = values.hostname ?? settings.HOST;
const port = Number(values.port ?? settings.PORT);
const instances = Number(values.instances ?? 1);

/** How long requests in flight get to finish after SIGTERM before the process goes anyway. */
const GRACE_MS = 10_000;

async function serve(): Promise<void> {
  const app = next({ dev: values.dev, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const socket = instanceSocket();
  const server = appServer((req, res) => handle(req, res), settings.TRUSTED_PROXY_HOPS, { behindFront: socket !== undefined });
  reportRuntimeMetrics();

  // SIGTERM from start.ts, the primary or a process manager: stop taking connections, let
  // requests in flight finish, then go — within GRACE_MS whatever they do, since a request
  // stuck on a database that is gone must not keep a stopped server alive. A second signal
  // ends it at once.
  process.once("SIGTERM", () => {
    process.once("SIGTERM", () => process.exit(0));
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, GRACE_MS).unref();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  });
  const ready = () => console.log(`[maghreb] Ready on http://${hostname}:${port}${socket ? ` (instance ${cluster.worker?.id ?? "?"}, pid ${process.pid}) for ${socket.role === "api" ? "API calls" : "pages"}` : ""}`);
  if (socket) listenOnSocket(server, socket, ready);
  else server.listen(port, hostname, ready);
}

if (instances > 1 && cluster.isPrimary) {
  superviseInstances({ count: instances, graceMs: GRACE_MS, hostname, port, trustedProxyHops: settings.TRUSTED_PROXY_HOPS, log: (line) => console.log(`[maghreb] ${line}`) });
} else {
  await serve();
}
