// scripts/closed-output.integration.test.ts's process: Next.js's own process error handlers (an
// uncaught exception is logged to stderr) and a log line every 20 ms, over a tiny HTTP server
// that answers its pid. Its first stdout line is the port.
//   node --import tsx scripts/test/closed-output-fixture.ts [unguarded]
import { createRequire } from "node:module";
import { createServer } from "node:http";

if (process.argv[2] !== "unguarded") await import("../closed-output");
const require = createRequire(import.meta.url);
const { installProcessErrorHandlers } = require("next/dist/server/node-environment-extensions/process-error-handlers.js") as {
  installProcessErrorHandlers: (removeOthers: boolean) => void;
};
installProcessErrorHandlers(false);

const server = createServer((_req, res) => res.end(String(process.pid)));
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(typeof address === "object" && address ? address.port : 0);
  setInterval(() => console.error(`[fixture] still here at ${Date.now()}`), 20);
});
process.once("SIGTERM", () => process.exit(0));
