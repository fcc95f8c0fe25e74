import { describe, expect, it } from "vitest";
import { databaseLimitsFrom } from "./db-limits";
import { parseEnv } from "./env";

describe("TRUSTED_PROXY_HOPS", () => {
  it("is 0 unless set: with no proxy in front, X-Forwarded-For is not read", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "" }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  it("stops the app with one clear line on anything but a small whole number", () => {
    for (const bad of ["-1", "1.5", "two", "11"]) {
      expect(() => parseEnv({ TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/^Invalid settings — TRUSTED_PROXY_HOPS: /);
    }
  });
});

describe("SMTP_URL", () => {
  it("is optional (no e-mail) and takes smtp:// or smtps:// only", () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(parseEnv({ SMTP_URL: "smtps://user:pw@mail.example.org:465" }).SMTP_URL).toBe("smtps://user:pw@mail.example.org:465");
    expect(() => parseEnv({ SMTP_URL: "https://mail.example.org" })).toThrow(/^Invalid settings — SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });
});

describe("database time limits", () => {
  it("default to 30 s per statement, 60 s idle in a transaction and 5 s waiting for a connection", () => {
    expect(databaseLimitsFrom({})).toEqual({ statementTimeoutMs: 30_000, idleInTransactionMs: 60_000, acquireTimeoutMs: 5_000 });
    expect(databaseLimitsFrom({ DATABASE_STATEMENT_TIMEOUT_MS: "0", DATABASE_POOL_TIMEOUT_MS: "" })).toMatchObject({ statementTimeoutMs: 0, acquireTimeoutMs: 5_000 });
  });

  it("stop the app with one clear line on a value that is not a number of milliseconds", () => {
    expect(() => parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: "30s" })).toThrow(/^Invalid settings — DATABASE_STATEMENT_TIMEOUT_MS: /);
    expect(() => parseEnv({ DATABASE_POOL_TIMEOUT_MS: "10" })).toThrow(/^Invalid settings — DATABASE_POOL_TIMEOUT_MS: /);
  });
});

describe("REVIEW_REQUIRED", () => {
  it("is on unless set to 0 or false: a second admin publishes every record change", () => {
    expect(parseEnv({}).REVIEW_REQUIRED).toBe(true);
    expect(parseEnv({ REVIEW_REQUIRED: "1" }).REVIEW_REQUIRED).toBe(true);
    expect(parseEnv({ REVIEW_REQUIRED: "0" }).REVIEW_REQUIRED).toBe(false);
    expect(parseEnv({ REVIEW_REQUIRED: "false" }).REVIEW_REQUIRED).toBe(false);
    expect(() => parseEnv({ REVIEW_REQUIRED: "maybe" })).toThrow(/^Invalid settings — REVIEW_REQUIRED: /);
  });
});
