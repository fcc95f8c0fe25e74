// A server whose output pipe closes (its parent died) keeps serving at rest, instead of spinning
// a core on EPIPE errors it reports to the closed pipe (scripts/closed-output.ts).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time a process has used so far, in clock ticks (user + system; 100 a second on Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

describe("a server whose output pipe closed", () => {
  it("drops its log lines and goes on answering, at rest", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/test/closed-output-fixture.ts"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const [first] = (await once(child.stdout, "data")) as [Buffer];
      const port = Number(first.toString().trim());
      // The reader goes away, as when the parent that piped the output dies.
      child.stdout.destroy();
      child.stderr.destroy();
      await sleep(500);

      const pid = child.pid ?? 0;
      const before = cpuTicks(pid);
      await sleep(2_000);
      const used = cpuTicks(pid) - before;
      // Logging every 20 ms into nothing costs a few ticks; the loop took all 200.
      expect(used).toBeLessThan(60);
      expect(child.exitCode).toBeNull();
      const answer = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) });
      expect(await answer.text()).toBe(String(pid));
    } finally {
      child.kill("SIGKILL");
    }
  });
});
