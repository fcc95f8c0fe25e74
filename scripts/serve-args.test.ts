// How many server processes `npm start` runs, from its flag, WEB_CONCURRENCY and the machine.
import { describe, expect, it } from "vitest";
import { instanceCount, serveArgs } from "./serve-args";

describe("instanceCount", () => {
  it("takes --instances first, then WEB_CONCURRENCY, then one per core in production", () => {
    expect(instanceCount({ flag: "3", webConcurrency: 2, dev: false, cores: 8 })).toEqual({ count: 3 });
    expect(instanceCount({ flag: undefined, webConcurrency: 2, dev: false, cores: 8 })).toEqual({ count: 2 });
    expect(instanceCount({ flag: undefined, webConcurrency: undefined, dev: false, cores: 8 })).toEqual({ count: 8 });
    expect(instanceCount({ flag: undefined, webConcurrency: undefined, dev: false, cores: 500 })).toEqual({ count: 64 });
  });

  it("serves one instance in development, and says so when more were asked for", () => {
    expect(instanceCount({ flag: undefined, webConcurrency: undefined, dev: true, cores: 8 })).toEqual({ count: 1 });
    expect(instanceCount({ flag: "4", webConcurrency: undefined, dev: true, cores: 8 }).note).toMatch(/one instance/);
  });

  it("refuses a count that is not a whole number from 1 to 64", () => {
    for (const flag of ["0", "-1", "1.5", "two", "65", ""]) {
      expect(() => instanceCount({ flag, webConcurrency: undefined, dev: false, cores: 2 }), flag).toThrow(/--instances must be a whole number from 1 to 64/);
    }
  });
});

describe("serveArgs", () => {
  it("starts the server with the heap settings measured under load, before the script", () => {
    const args = serveArgs({ hostname: "127.0.0.1", port: 3000 });
    expect(args.slice(0, 2)).toEqual(["--max-semi-space-size=64", "--max-old-space-size=448"]);
    expect(args.indexOf("--max-old-space-size=448")).toBeLessThan(args.findIndex((a) => a.endsWith("scripts/serve.ts")));
    expect(serveArgs({ hostname: "127.0.0.1", port: 3000, dev: true })).not.toContain("--max-old-space-size=448");
  });

  it("passes --instances to the server only when there are several", () => {
    expect(serveArgs({ hostname: "127.0.0.1", port: 3000 })).not.toContain("--instances");
    expect(serveArgs({ hostname: "127.0.0.1", port: 3000, instances: 1 })).not.toContain("--instances");
    expect(serveArgs({ hostname: "127.0.0.1", port: 3000, instances: 3 }).slice(-2)).toEqual(["--instances", "3"]);
  });
});
