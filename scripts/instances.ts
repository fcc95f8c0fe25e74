// The primary process of `serve.ts --instances N`: N copies of the web server (node:cluster
// workers), each on a private Unix socket, behind the front server on the public port
// (server/http/front.ts), which sends tRPC calls to the instances kept for them and the rest to
// the others. It renders nothing itself: it starts the instances, starts another when one
// dies, and passes SIGTERM on. Each instance is stateless — sessions, throttles and job
// schedules live in PostgreSQL — so any of them may answer any request, and losing one loses
// only the requests it was answering.
import cluster, { type Worker } from "node:cluster";
import type { Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { frontServer, instanceRoles, type Backend, type InstanceRole } from "../server/http/front";
import { isRuntimeReport } from "../server/runtime-metrics";

/** What an instance is told at its start (scripts/serve.ts reads it with `instanceSocket`). */
const SOCKET_ENV = "MAGHREB_INSTANCE_SOCKET";
const ROLE_ENV = "MAGHREB_INSTANCE_ROLE";

/** In an instance under a front: the socket to listen on and what it is kept for; undefined in a single server. */
export function instanceSocket(env: NodeJS.ProcessEnv = process.env): { path: string; role: InstanceRole } | undefined {
  const socketPath = env[SOCKET_ENV];
  if (!socketPath) return undefined;
  return { path: socketPath, role: env[ROLE_ENV] === "api" ? "api" : "pages" };
}

/** What an instance tells the primary once it listens: node:cluster says nothing of an `exclusive` listen. */
const LISTENING = "maghreb:instance-listening";

/**
 * An instance listens on its socket: a killed predecessor's file goes first, and `exclusive`
 * keeps the handle its own rather than one the primary would open and share.
 */
export function listenOnSocket(server: Server, socket: { path: string }, ready?: () => void): void {
  rmSync(socket.path, { force: true });
  server.listen({ path: socket.path, exclusive: true }, () => {
    process.send?.(LISTENING);
    ready?.();
  });
}

/** A crashed instance is replaced at once; one that died before it ever listened, after this pause. */
const RESTART_PAUSE_MS = 1_000;

export function superviseInstances(options: {
  count: number;
  graceMs: number;
  /** The public address the front listens on. */
  hostname: string;
  port: number;
  trustedProxyHops: number;
  log: (line: string) => void;
}): void {
  const { count, graceMs, log } = options;
  // Sockets in a folder only this user can enter: nothing else on the machine reaches an instance
  // past the front, which is what sets the client's address (server/http/front.ts).
  const folder = mkdtempSync(path.join(os.tmpdir(), "maghreb-instances-"));
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  const backends: Backend[] = instanceRoles(count).map((role, i) => ({ role, socketPath: path.join(folder, `instance-${i + 1}.sock`), up: false, inFlight: 0 }));
  const slots = new Map<Worker, Backend>();
  // Which instances said they listen: the supervisor's own record. A backend's `up` is the
  // front's, which also clears it when it finds the socket dead before the exit is heard.
  const listened = new Set<Worker>();
  let stopping = false;

  const start = (backend: Backend) => {
    const worker = cluster.fork({ [SOCKET_ENV]: backend.socketPath, [ROLE_ENV]: backend.role });
    slots.set(worker, backend);
    worker.on("message", (message: unknown) => {
      if (message !== LISTENING) return;
      listened.add(worker);
      backend.up = true;
    });
  };

  const front = frontServer(backends, options.trustedProxyHops);
  front.listen(options.port, options.hostname, () => {
    const api = backends.filter((b) => b.role === "api").length;
    log(`Front on http://${options.hostname}:${options.port}: ${count} instances, ${api} for API calls and ${count - api} for pages.`);
  });

  // Each instance's runtime figures (server/runtime-metrics.ts) go on to whoever started us.
  cluster.on("message", (_worker, message: unknown) => {
    if (isRuntimeReport(message)) process.send?.(message);
  });

  cluster.on("exit", (worker, code, signal) => {
    const backend = slots.get(worker);
    slots.delete(worker);
    const hadListened = listened.delete(worker);
    if (backend) backend.up = false;
    if (stopping) {
      if (slots.size === 0) process.exit();
      return;
    }
    if (!backend) return;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    // Every instance failing before it could serve is a setting or a build, not bad luck:
    // stop, as a single server would, rather than restart forever.
    if (!hadListened && listened.size === 0) {
      log(`An instance stopped before serving (${how}) and none is serving: stopping.`);
      stopping = true;
      front.close();
      for (const other of slots.keys()) other.process.kill("SIGTERM");
      if (slots.size === 0) process.exit(1);
      process.exitCode = 1;
      return;
    }
    log(`Instance ${worker.process.pid ?? "?"} (${backend.role}) stopped (${how}); starting another. ${listened.size} of ${count} serving meanwhile.`);
    if (hadListened) start(backend);
    else setTimeout(() => stopping || start(backend), RESTART_PAUSE_MS);
  });

  // SIGTERM: the front takes no more connections, and each instance stops as a single server
  // does (serve.ts: finish requests in flight within graceMs) while the front passes their
  // answers on; an instance still there a moment later is killed. A second SIGTERM ends them
  // all at once.
  process.once("SIGTERM", () => {
    stopping = true;
    front.close();
    front.closeIdleConnections();
    const all = () => [...slots.keys()];
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

  for (const backend of backends) start(backend);
}
