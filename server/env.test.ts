import { describe, expect, it } from "vitest";
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
