// scripts/instances.integration.test.ts's server: the real supervisor over a tiny HTTP server
// that answers its own pid, so the test sees which instance answered without Next.js.
//   node --import tsx scripts/test/instances-fixture.ts <port> <instances> [fail]
import cluster from "node:cluster";
import { createServer } from "node:http";
import { superviseInstances } from "../instances";

const [port = "0", count = "2", mode] = process.argv.slice(2);

if (cluster.isPrimary) {
  superviseInstances({ count: Number(count), graceMs: 1_000, log: (line) => console.log(line) });
} else if (mode === "fail") {
  process.exit(3); // a bad setting: every instance stops before it listens
} else {
  const server = createServer((_req, res) => res.end(String(process.pid)));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
  server.listen(Number(port), "127.0.0.1");
}
