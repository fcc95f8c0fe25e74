// The primary process of `serve.ts --instances N`: N copies of the web server (node:cluster
// workers) accepting connections on one port. It serves nothing itself: it starts the
// instances, starts another when one dies, and passes SIGTERM on. Each instance is
// stateless — sessions, throttles and job schedules live in PostgreSQL — so any of them may
// answer any request, and losing one loses only the requests it was answering.
import cluster, { type Worker } from "node:cluster";
import { isRuntimeReport } from "../server/runtime-metrics";

/** A crashed instance is replaced at once; one that died before it ever listened, after this pause. */
const RESTART_PAUSE_MS = 1_000;

export function superviseInstances(options: { count: number; graceMs: number; log: (line: string) => void }): void {
  const { count, graceMs, log } = options;
  const listening = new Set<Worker>();
  let stopping = false;

  const start = () => {
    const worker = cluster.fork();
    worker.once("listening", () => listening.add(worker));
  };

  // Each instance's runtime figures (server/runtime-metrics.ts) go on to whoever started us.
  cluster.on("message", (_worker, message: unknown) => {
    if (isRuntimeReport(message)) process.send?.(message);
  });

  cluster.on("exit", (worker, code, signal) => {
    const hadListened = listening.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    // Every instance failing before it could serve is a setting or a build, not bad luck:
    // stop, as a single server would, rather than restart forever.
    if (!hadListened && listening.size === 0) {
      log(`An instance stopped before serving (${how}) and none is serving: stopping.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      process.exitCode = 1;
      return;
    }
    log(`Instance ${worker.process.pid ?? "?"} stopped (${how}); starting another. ${listening.size} of ${count} serving meanwhile.`);
    if (hadListened) start();
    else setTimeout(() => stopping || start(), RESTART_PAUSE_MS);
  });

  // SIGTERM: each instance stops as a single server does (serve.ts: finish requests in flight
  // within graceMs); an instance still there a moment later is killed. A second SIGTERM ends
  // them all at once.
  process.once("SIGTERM", () => {
    stopping = true;
    const all = () => Object.values(cluster.workers ?? {}).flatMap((w) => (w ? [w] : []));
    process.once("SIGTERM", () => {
      for (const worker of all()) worker.process.kill("SIGKILL");
      process.exit(0);
    });
    setTimeout(() => {
      for (const worker of all()) worker.process.kill("SIGKILL");
      process.exit(0);
    }, graceMs + 2_000).unref();
    for (const worker of all()) worker.process.kill("SIGTERM");
    if (all().length === 0) process.exit(0);
  });

  for (let i = 0; i < count; i++) start();
}
