// What the job log and the run history say of a failure.
import { describe, expect, it } from "vitest";
import { errorText } from "./record";

describe("errorText", () => {
  it("gives an Error's message", () => {
    expect(errorText(new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe("connect ECONNREFUSED 127.0.0.1:5432");
  });

  it("gives the message of the plain copy pg-boss emits for a worker's error, not [object Object]", () => {
    const copy = { ...new Error("boom"), message: "connect ECONNREFUSED 127.0.0.1:5432", stack: "Error: …", queue: "alerts", worker: "w1" };
    expect(errorText(copy)).toBe("connect ECONNREFUSED 127.0.0.1:5432");
  });

  it("says when there is no message, and keeps what a table cell can show", () => {
    expect(errorText(new Error(""))).toBe("Failed without a message");
    expect(errorText("x".repeat(3000))).toHaveLength(2000);
  });
});
