// The supervisor of `npm start -- --instances N` (scripts/instances.ts), over a stand-in server:
// N processes answer on one port, a crashed one is replaced while the others serve, SIGTERM
// stops them all, and instances that cannot start stop the supervisor instead of looping.
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

/** Which instances answered a round of requests (each on a new connection). */
async function answering(port: number, requests = 12): Promise<Set<number>> {
  const pids = await Promise.all(
    Array.from({ length: requests }, () =>
      fetch(`http://127.0.0.1:${port}/`, { headers: { connection: "close" }, signal: AbortSignal.timeout(2_000) }).then((r) => r.text().then(Number), () => 0),
    ),
  );
  return new Set(pids);
}

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
      expect(await until(() => answering(port), (pids) => pids.size === 2 && !pids.has(0))).toEqual(new Set(first));

      const [victim = 0, survivor = 0] = first;
      process.kill(victim, "SIGKILL");
      // The survivor answers at once; a replacement joins it.
      await until(() => instancesOf(primary), (pids) => !pids.includes(victim));
      expect((await answering(port, 4)).has(survivor)).toBe(true);
      const after = await until(() => instancesOf(primary), (pids) => pids.length === 2 && !pids.includes(victim));
      expect(after).toContain(survivor);
      expect(after).not.toContain(victim);

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
