import { describe, expect, it } from "vitest";
import { outputWatcher } from "./forbidden-output";

const PG_WARNING =
  "(node:8686) DeprecationWarning: Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0.";

describe("outputWatcher", () => {
  it("names node-postgres's concurrent-query warning, even split across two chunks", () => {
    const whole = outputWatcher();
    whole.scan(`[WebServer] ${PG_WARNING}\n`);
    expect(whole.problems).toHaveLength(1);
    expect(whole.problems[0]).toMatch(/two statements at once on one connection/);

    const split = outputWatcher();
    split.scan(PG_WARNING.slice(0, 60));
    split.scan(PG_WARNING.slice(60));
    expect(split.problems).toHaveLength(1);
  });

  it("lets ordinary output through", () => {
    const watcher = outputWatcher();
    watcher.scan("✓ integration server/api.integration.test.ts (7 tests)\nDeprecationWarning: something else\n");
    expect(watcher.problems).toEqual([]);
  });
});
