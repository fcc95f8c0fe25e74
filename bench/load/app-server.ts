// The production server (`scripts/serve.ts`, as `npm start` serves it) on loopback for the load and fault scenarios: started
// against a given database, killed hard or stopped gently, with its memory read from /proc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { buildIsStale } from "../../scripts/build-state";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { serveArgs } from "../../scripts/serve-args";
import { isRuntimeReport, type RuntimeReport } from "../../server/runtime-metrics";

export interface AppServer {
  origin: string;
  /** The web server process (scripts/serve.ts): with several instances, their primary. */
  pid: number;
  /** The processes answering requests: the server itself, or each instance under the primary. */
  instancePids(): number[];
  /** Alive as far as the OS knows (not exited, not killed). */
  alive(): boolean;
  /** SIGKILL to the whole process group: what a crash or an OOM kill does. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Resident memory of the server's process tree, in MiB. */
  rssMiB(): number;
  /** CPU time the server's process tree has used so far, in seconds (user + system). */
  cpuSeconds(): number;
  /** Each instance's per-second runtime figures so far (server/runtime-metrics.ts), oldest first. */
  runtimeReports: RuntimeReport[];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Servers started here and not yet exited, by process group. A server runs in a group of its own
 * (so a kill reaches Next's workers), which a signal to this process does not reach: without
 * this, a benchmark stopped by Ctrl-C, `timeout` or an uncaught error left its server serving.
 */
const running = new Set<number>();
const killRunning = () => {
  for (const group of running) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // already gone
    }
  }
  running.clear();
};
let exitGuarded = false;
function stopWhenThisProcessEnds(group: number): void {
  running.add(group);
  if (exitGuarded) return;
  exitGuarded = true;
  process.once("exit", killRunning);
  // Then the signal again, now without a listener: the process ends as it would have.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => (killRunning(), process.kill(process.pid, signal)));
}

/** Whether nothing listens on the loopback port: true when this process could listen there itself. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function waitUntilHealthy(origin: string, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`${origin} did not become healthy within ${timeoutMs / 1000} s`);
}

function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  return readdirSync(tasks).flatMap((task) => {
    try {
      return readFileSync(`${tasks}/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** VmRSS of a process and all its descendants, in MiB (0 once they are gone). */
export function treeRssMiB(pid: number): number {
  const own = (() => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return match ? Number(match[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  })();
  return own + childrenOf(pid).reduce((sum, child) => sum + treeRssMiB(child), 0);
}

/** utime + stime of a process and its descendants, in seconds (Linux clock ticks are 1/100 s). */
export function treeCpuSeconds(pid: number): number {
  const own = (() => {
    try {
      // Fields after the command's closing parenthesis: state is the 3rd, utime the 14th, stime the 15th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0;
    }
  })();
  return own + childrenOf(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0);
}

/** The scenarios measure what users run: the production build, redone first when stale (as `npm start` does). */
export function ensureBuilt(log: (line: string) => void = console.log): void {
  if (!buildIsStale()) return;
  log("building the app for production (changed sources)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

export async function startAppServer(options: {
  databaseUrl: string;
  port: number;
  poolSize?: number;
  /** Server processes behind one port (scripts/serve.ts --instances); 1 unless asked. */
  instances?: number;
  authSecret?: string;
  /** Node flags for the server only, e.g. ["--cpu-prof"] (NODE_OPTIONS refuses that one). */
  nodeArgs?: string[];
  log?: (line: string) => void;
}): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  // A server already on the port (another benchmark's, a demo) would pass the health check and be
  // measured in place of this one, whose own would fail to listen: that has happened.
  if (!(await portIsFree(options.port))) {
    throw new Error(`Port ${options.port} is already taken on 127.0.0.1 (another benchmark or server is running there); stop it, or pass --port.`);
  }
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...serveArgs({ hostname: "127.0.0.1", port: options.port, instances: options.instances })], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: String(options.poolSize ?? 10),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64"),
      APP_URL: origin,
      HOST: "127.0.0.1",
      PORT: String(options.port),
      // The admin writer measures direct saves, as before drafts existed.
      REVIEW_REQUIRED: "0",
      // Each instance reports its event-loop delay, pool waits and requests in flight over the channel below.
      RUNTIME_METRICS: "ipc",
    },
    // Its own process group, so a kill reaches Next's worker too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const runtimeReports: RuntimeReport[] = [];
  child.on("message", (message: unknown) => {
    if (isRuntimeReport(message)) runtimeReports.push(message);
  });

  const pid = child.pid;
  if (pid === undefined) throw new Error("the web server did not start");
  const print = (chunk: Buffer) => options.log?.(chunk.toString().trimEnd());
  child.stdout?.on("data", print);
  child.stderr?.on("data", print);
  let exited = false;
  stopWhenThisProcessEnds(pid);
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), running.delete(pid), resolve())));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const server: AppServer = {
    origin,
    pid,
    alive: () => !exited,
    // The primary's other children (tsx's esbuild service) are not instances.
    instancePids: () => ((options.instances ?? 1) > 1 ? childrenOf(pid).filter((childPid) => commandLineOf(childPid).includes("scripts/serve.ts")) : [pid]),
    kill: async () => {
      signalGroup("SIGKILL");
      await exit;
    },
    stop: async () => {
      signalGroup("SIGTERM");
      // SIGKILL only if it has not exited within 10 s; the timer must not outlive the server
      // (it kept the bench waiting, then signalled a process group id that may be reused).
      const deadline = setTimeout(() => signalGroup("SIGKILL"), 10_000);
      await exit;
      clearTimeout(deadline);
    },
    rssMiB: () => treeRssMiB(pid),
    cpuSeconds: () => treeCpuSeconds(pid),
    runtimeReports,
  };
  try {
    await waitUntilHealthy(origin);
  } catch (e) {
    await server.kill();
    throw e;
  }
  return server;
}

/** Signs a user in through Better Auth's route, as the login form does; returns the Cookie header. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: HTTP ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** A tRPC query's URL, as the browser client sends it (superjson input). */
export function trpcQueryPath(procedure: string, input?: unknown): string {
  return input === undefined ? `/api/trpc/${procedure}` : `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}
