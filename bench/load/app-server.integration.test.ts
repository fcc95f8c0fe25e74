// The load and fault scenarios' server: it refuses a port another server already holds, since
// that server would answer the health check and be measured in place of the one started.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { portIsFree, startAppServer } from "./app-server";

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
});
