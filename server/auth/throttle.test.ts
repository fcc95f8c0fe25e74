import { describe, expect, it } from "vitest";
import { accountKey, retryAfterSeconds, SIGN_IN_LIMIT } from "./throttle";

const minute = 60_000;
const now = Date.UTC(2025, 5, 24, 12);

describe("retryAfterSeconds", () => {
  it("lets the first five attempts of a window through and stops the sixth", () => {
    expect(retryAfterSeconds([{ key: "a", count: 5, windowStart: now - minute }], now)).toBeNull();
    expect(retryAfterSeconds([{ key: "a", count: 6, windowStart: now - minute }], now)).toBe(14 * 60);
  });

  it("waits for the counter that frees up last when the account and the address are both over", () => {
    const counters = [
      { key: "account", count: 9, windowStart: now - 10 * minute },
      { key: "address", count: 6, windowStart: now - 2 * minute },
    ];
    expect(retryAfterSeconds(counters, now)).toBe(13 * 60);
  });

  it("forgets a window that has passed", () => {
    expect(retryAfterSeconds([{ key: "a", count: 50, windowStart: now - SIGN_IN_LIMIT.windowSeconds * 1000 }], now)).toBeNull();
  });

  it("never asks for less than a second", () => {
    expect(retryAfterSeconds([{ key: "a", count: 6, windowStart: now - SIGN_IN_LIMIT.windowSeconds * 1000 + 10 }], now)).toBe(1);
  });
});

describe("accountKey", () => {
  it("counts an email however it is typed as one account", () => {
    expect(accountKey(" Analyst@Example.com ")).toBe(accountKey("analyst@example.com"));
  });
});
