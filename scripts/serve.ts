// The app's web server, started by scripts/start.ts in place of `next start` / `next dev`:
// Next.js's request handler behind our own node:http server (server/http/node-server.ts), so
// that the app knows each request's socket address.
//   node --import tsx scripts/serve.ts --hostname 127.0.0.1 --port 3000 [--dev]
import "./require-node";
import next from "next";
import { parseArgs } from "node:util";
import { parseEnv } from "../server/env";
import { appServer } from "../server/http/node-server";

const { values } = parseArgs({ options: { hostname: { type: "string" }, port: { type: "string" }, dev: { type: "boolean", default: false } } });
const settings = parseEnv(process.env);
const hostname = values.hostname ?? settings.HOST;
const port = Number(values.port ?? settings.PORT);

const app = next({ dev: values.dev, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const server = appServer((req, res) => handle(req, res), settings.TRUSTED_PROXY_HOPS);

// SIGTERM from start.ts: stop taking connections, let requests in flight finish, then go.
process.once("SIGTERM", () => {
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
});
server.listen(port, hostname, () => console.log(`[maghreb] Ready on http://${hostname}:${port}`));
