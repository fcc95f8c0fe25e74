// How to start the app's web server (scripts/serve.ts) as a child process: npm start, the
// benchmarks and the fault tests all serve the app the same way.
import path from "node:path";

export function serveArgs(options: { hostname: string; port: number; dev?: boolean }): string[] {
  const script = path.resolve("scripts/serve.ts");
  return ["--import", "tsx", script, "--hostname", options.hostname, "--port", String(options.port), ...(options.dev ? ["--dev"] : [])];
}
