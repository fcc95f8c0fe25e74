// The load and fault scenarios' server: it refuses a port another server already holds, since
// that server would answer the health check and be measured in place of the one started; and it
// ends with the benchmark that started it, however that ends.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/free-port";
import { useTestDatabase } from "../../scripts/test/database";
import { portIsFree, sleep, startAppServer } from "./app-server";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the benchmarks' app server", () => {
  it("refuses a port that another server holds, and names it", async () => {
    const other = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const { port } = other.address() as AddressInfo;
    try {
      expect(await portIsFree(port)).toBe(false);
      await expect(startAppServer({ databaseUrl: "postgresql://unused", port })).rejects.toThrow(`Port ${port} is already taken`);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
    expect(await portIsFree(port)).toBe(true);
  });

  it("stops when a signal ends the benchmark that started it (Ctrl-C, `timeout`)", async () => {
    const { url } = await useTestDatabase();
    const port = await freePort();
    const benchmark = spawn(process.execPath, ["--import", "tsx", "bench/load/test/started-server-fixture.ts", url, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    const [line] = (await once(createInterface({ input: benchmark.stdout }), "line")) as [string];
    const { pid } = JSON.parse(line) as { pid: number };
    try {
      expect(alive(pid)).toBe(true);
      expect(await portIsFree(port)).toBe(false);
      benchmark.kill("SIGTERM");
      await once(benchmark, "exit");
      for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
      expect(alive(pid), "the server outlived its benchmark").toBe(false);
      expect(await portIsFree(port)).toBe(true);
    } finally {
      if (alive(pid)) process.kill(-pid, "SIGKILL");
    }
  });
});
