// scripts/instances.integration.test.ts's server: the real supervisor and front over a tiny HTTP
// server that answers its own pid and the address it was given, so the test sees which instance
// answered, and for whom, without Next.js.
//   node --import tsx scripts/test/instances-fixture.ts <port> <instances> [fail]
import cluster from "node:cluster";
import { appServer } from "../../server/http/node-server";
import { instanceSocket, listenOnSocket, superviseInstances } from "../instances";

const [port = "0", count = "2", mode] = process.argv.slice(2);

if (cluster.isPrimary) {
  superviseInstances({ count: Number(count), graceMs: 1_000, hostname: "127.0.0.1", port: Number(port), trustedProxyHops: 0, log: (line) => console.log(line) });
} else if (mode === "fail") {
  process.exit(3); // a bad setting: every instance stops before it listens
} else {
  const socket = instanceSocket();
  if (!socket) throw new Error("an instance needs its socket");
  const server = appServer(
    (req, res) => {
      // /unfinished: an answer begun and never ended, as one cut short by a crash would be.
      if (req.url === "/unfinished") return void res.write(`${process.pid}\n`);
      res.end(JSON.stringify({ pid: process.pid, forwardedFor: req.headers["x-forwarded-for"] }));
    },
    0,
    { behindFront: true },
  );
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
  listenOnSocket(server, socket);
}
