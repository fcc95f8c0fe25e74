// How to start the app's web server (scripts/serve.ts) as a child process: npm start, the
// benchmarks and the fault tests all serve the app the same way.
import path from "node:path";

/**
 * The server's V8 heap, measured under `npm run bench:load` (BENCHMARKS.md, "Where requests
 * wait"): a request's objects live as long as the request, so with V8's default young
 * generation most were promoted and every scavenge took 10–45 ms of the event loop; 64 MiB
 * semi-spaces let them die young. Left alone, V8 also let the old generation grow past 1 GiB
 * before collecting what was mostly garbage (about 210 MiB live): the cap keeps an instance's
 * memory flat and under 600 MiB. Instances started by the primary inherit these flags.
 * Production only: `next dev` compiles in the server's process and needs more room.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64", "--max-old-space-size=448"];

export function serveArgs(options: { hostname: string; port: number; dev?: boolean; instances?: number }): string[] {
  const script = path.resolve("scripts/serve.ts");
  const instances = options.instances ?? 1;
  return [
    // Development compiles on demand in this process and needs more room than serving does.
    ...(options.dev ? [] : SERVER_NODE_FLAGS),
    "--import",
    "tsx",
    script,
    "--hostname",
    options.hostname,
    "--port",
    String(options.port),
    ...(options.dev ? ["--dev"] : []),
    ...(instances > 1 ? ["--instances", String(instances)] : []),
  ];
}

/** More server processes than this on one machine is a typing mistake, not a deployment. */
export const MAX_INSTANCES = 64;

/**
 * How many server processes `npm start` runs: `--instances N`, else WEB_CONCURRENCY (the
 * variable process managers and hosts set), else one per core in production. Development runs
 * one: `next dev` compiles on demand into one folder, which several processes would fight over.
 */
export function instanceCount(options: { flag: string | undefined; webConcurrency: number | undefined; dev: boolean; cores: number }): { count: number; note?: string } {
  const wanted = options.flag === undefined ? options.webConcurrency : Number(options.flag);
  if (wanted !== undefined && !(Number.isInteger(wanted) && wanted >= 1 && wanted <= MAX_INSTANCES)) {
    throw new Error(`--instances must be a whole number from 1 to ${MAX_INSTANCES}; got "${options.flag}".`);
  }
  if (options.dev) return { count: 1, note: wanted !== undefined && wanted > 1 ? "Development serves one instance; --instances applies to `npm start`." : undefined };
  return { count: wanted ?? Math.max(1, Math.min(options.cores, MAX_INSTANCES)) };
}
