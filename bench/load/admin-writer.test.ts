import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminWriter } from "./admin-writer";

// A stand-in for the app's events.create on 127.0.0.1: acknowledges every write with a new id.
let served = 0;
const app = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ result: { data: { json: { id: `event-${++served}` } } } }));
  });
});
const origin = () => `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
beforeAll(() => new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve)));
afterAll(() => new Promise((resolve) => app.close(resolve)));

describe("the admin writer", () => {
  it("stops without waiting out its pause: an hour between writes does not hold the run's end", async () => {
    const writer = startAdminWriter({ origin, cookie: () => "", everyMs: 3_600_000, label: "slow" });
    while (writer.attempts.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await writer.stop(); // would wait an hour, past the test's time limit, if the pause held it
    expect(writer.acknowledged).toEqual(["event-1"]);
    expect(served).toBe(1);
  });
});
