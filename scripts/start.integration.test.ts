// `npm start` as a user runs it: embedded database, sign-in, Ctrl-C, restart (the session
// survives it), and a bad DATABASE_URL.
// Serves the production build (npm test builds it first; run alone, start.ts builds it).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port";
import { Client } from "pg";
import { describe, expect, it } from "vitest";

const START = ["--import", "tsx", "scripts/start.ts"];


function startApp(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, START, { env: { ...inherited, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitForPage(url: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs in as the demo user over HTTP, as the login form does; returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: "maghreb-demo" }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function dashboard(base: string, cookie: string): Promise<string> {
  const response = await fetch(`${base}/`, { headers: { cookie }, redirect: "manual" });
  expect(response.status).toBe(200);
  return response.text();
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", (code) => resolve(code))));

/** Processes whose command line names the folder: a postgres left behind would. */
async function processesUsing(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir("/proc")).filter((p) => /^\d+$/.test(p))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(folder)) found.push(`${pid}: ${cmdline.replaceAll("\0", " ")}`);
  }
  return found;
}

describe("npm start", () => {
  it("serves the seeded dashboard on an embedded database, leaves nothing running on Ctrl-C, and keeps data across restarts", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "maghreb-start-"));
    await chmod(folder, 0o755);
    const dataDir = path.join(folder, "pg");
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = { EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port), HOST: "127.0.0.1" };
    const databaseUrl = `postgresql://maghreb:maghreb-local@127.0.0.1:${pgPort}/maghreb`;

    const first = startApp(env);
    const base = `http://127.0.0.1:${port}`;
    await waitForPage(`${base}/login`, 240_000);
    expect(first.output()).toContain("analyst@example.com");
    const cookie = await signIn(base, "analyst@example.com");
    expect(await dashboard(base, cookie)).toContain("France – Morocco");
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`INSERT INTO "Team" (id, name) VALUES ('restart-marker', 'Kept across restarts')`);
    const { rows: before } = await client.query(`SELECT count(*)::int AS n FROM "Event"`);
    await client.end();

    process.kill(-(first.child.pid ?? 0), "SIGINT"); // what Ctrl-C sends to the terminal's process group
    expect(await exited(first.child)).toBe(130); // 128 + SIGINT: stopped as asked
    expect(first.output()).toContain("Stopping the app and the embedded PostgreSQL");
    expect(await processesUsing(dataDir)).toEqual([]);

    const second = startApp(env);
    await waitForPage(`${base}/login`, 120_000);
    // The session from before the restart still opens the dashboard: the generated secret was kept.
    expect(await dashboard(base, cookie)).toContain("France – Morocco");
    expect(await readFile(path.join(folder, "auth-secret"), "utf8")).toMatch(/^\S{32,}\n$/);
    const again = new Client({ connectionString: databaseUrl });
    await again.connect();
    const { rows: teams } = await again.query(`SELECT name FROM "Team" WHERE id = 'restart-marker'`);
    const { rows: after } = await again.query(`SELECT count(*)::int AS n FROM "Event"`);
    await again.end();
    expect(teams).toEqual([{ name: "Kept across restarts" }]);
    expect(after).toEqual(before); // the seed did not add anything twice
    expect(second.output()).toContain("nothing to add");

    process.kill(second.child.pid ?? 0, "SIGTERM"); // a process manager stopping the app
    expect(await exited(second.child)).toBe(143); // 128 + SIGTERM
    expect(await processesUsing(dataDir)).toEqual([]);
  }, 400_000);

  it("names the host in one line when DATABASE_URL cannot be reached", async () => {
    const app = startApp({ DATABASE_URL: "postgresql://someone:secret@127.0.0.1:9/maghreb", PORT: String(await freePort()) });
    expect(await exited(app.child)).toBe(1);
    const lines = app.output().trim().split("\n").filter((l) => !l.startsWith("[maghreb] Using"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:9\/maghreb/);
    expect(lines[0]).not.toContain("secret");
  }, 30_000);
});
