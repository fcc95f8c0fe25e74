import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authSecretFor } from "./auth-secret";

const folder = () => mkdtempSync(path.join(tmpdir(), "maghreb-secret-"));

describe("authSecretFor", () => {
  it("generates a secret once for a local database and keeps it across restarts, private to its owner", () => {
    const file = path.join(folder(), "data", "auth-secret");
    const first = authSecretFor({ configured: undefined, local: true, file });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(authSecretFor({ configured: undefined, local: true, file })).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("prefers the configured secret and never writes one then", () => {
    const file = path.join(folder(), "auth-secret");
    expect(authSecretFor({ configured: "c".repeat(40), local: true, file })).toBe("c".repeat(40));
    expect(() => statSync(file)).toThrow(/ENOENT/);
  });

  it("asks for one with a shared database, where instances must agree", () => {
    expect(() => authSecretFor({ configured: undefined, local: false, file: path.join(folder(), "x") })).toThrow(/AUTH_SECRET is not set/);
  });
});
