// The supervisor of `npm start -- --instances N` (scripts/instances.ts), over a stand-in server:
// N processes answer on one port through the front, tRPC calls from the instance kept for them
// and pages from the others, a crashed one is replaced while the others serve (its requests too),
// SIGTERM stops them all, and instances that cannot start stop the supervisor instead of looping.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { freePort } from "./free-port";
import { describe, expect, it } from "vitest";


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function supervise(port: number, count: number, mode?: "fail"): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/test/instances-fixture.ts", String(port), String(count), ...(mode ? [mode] : [])], { stdio: "ignore" });
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

const readOrEmpty = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/** The supervisor's instances: its children running the fixture (tsx may start an esbuild service beside them). */
function instancesOf(pid: number): number[] {
  const children = readOrEmpty(`/proc/${pid}/task/${pid}/children`).split(" ").filter(Boolean).map(Number);
  return children.filter((child) => readOrEmpty(`/proc/${child}/cmdline`).includes("instances-fixture"));
}

interface Answer {
  pid: number;
  forwardedFor?: string;
}

function ask(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return fetch(`http://127.0.0.1:${port}${path}`, { headers, signal: AbortSignal.timeout(2_000) }).then(
    (r) => (r.ok ? (r.json() as Promise<Answer>) : { pid: 0 }),
    () => ({ pid: 0 }),
  );
}

/** Which instances answered a round of requests to a path, sent side by side. */
async function answering(port: number, path: string, requests = 12): Promise<Set<number>> {
  const answers = await Promise.all(Array.from({ length: requests }, () => ask(port, path)));
  return new Set(answers.map((a) => a.pid));
}

const PAGE = "/dyads/FRA-MAR";
const CALL = "/api/trpc/relations.summary?input=%7B%7D";

async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > timeoutMs) return value;
    await sleep(100);
  }
}

describe("several instances on one port", () => {
  it("serve from every instance, replace one that crashed while the others answer, and all stop on SIGTERM", async () => {
    const port = await freePort();
    const { child, exited } = supervise(port, 2);
    const primary = child.pid ?? 0;
    try {
      const first = await until(() => instancesOf(primary), (pids) => pids.length === 2);
      expect(first).toHaveLength(2);
      // Once both listen (until then, the first answers everything), every call comes from one
      // instance and every page from the other.
      const [calls, pages] = await until(
        () => Promise.all([answering(port, CALL), answering(port, PAGE)]),
        ([c, p]) => c.size === 1 && p.size === 1 && !c.has(0) && [...c][0] !== [...p][0],
      );
      const [api = 0] = calls;
      const [pagesInstance = 0] = pages;
      expect(new Set([api, pagesInstance])).toEqual(new Set(first));
      expect(await answering(port, "/api/trpc/agreements.list,views.list?batch=1")).toEqual(calls);
      expect(await answering(port, "/api/health")).toEqual(pages);

      // The front reads the client's address from the socket, as a single server does: a claimed one is not passed on.
      expect((await ask(port, PAGE, { "x-forwarded-for": "203.0.113.9" })).forwardedFor).toBe("127.0.0.1");

      // The API instance crashes: the other answers its calls at once, and a replacement takes them back.
      const victim = api;
      const survivor = pagesInstance;
      process.kill(victim, "SIGKILL");
      await until(() => instancesOf(primary), (pids) => !pids.includes(victim));
      expect(await answering(port, CALL, 4)).toEqual(new Set([survivor]));
      const after = await until(() => instancesOf(primary), (pids) => pids.length === 2 && !pids.includes(victim));
      expect(after).toContain(survivor);
      expect(after).not.toContain(victim);
      const [replacement = 0] = after.filter((pid) => pid !== survivor);
      // A round sent while the replacement comes up may be split between it and the survivor:
      // wait for a round it answers alone.
      expect(await until(() => answering(port, CALL), (pids) => pids.size === 1 && pids.has(replacement))).toEqual(new Set([replacement]));

      // A page instance dies halfway through an answer: the client's connection ends with it.
      const unfinished = await fetch(`http://127.0.0.1:${port}/unfinished`, { signal: AbortSignal.timeout(10_000) });
      const reader = unfinished.body?.getReader();
      const firstChunk = new TextDecoder().decode((await reader?.read())?.value);
      process.kill(Number(firstChunk.trim()), "SIGKILL");
      const rest = await reader?.read().then(
        () => "more",
        (error: unknown) => String((error as Error).cause ?? error),
      );
      expect(rest).not.toMatch(/abort|timeout/i); // cut by the front, not by the 10 s timeout
      expect(rest).not.toBe("more");

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      for (const pid of after) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("stops with an error when the instances cannot start, instead of restarting them forever", async () => {
    const { child, exited } = supervise(await freePort(), 2, "fail");
    try {
      expect(await Promise.race([exited, sleep(15_000).then(() => "still running")])).toBe(1);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
