import { describe, expect, it } from "vitest";
import { authSettings, hasTrustedOrigin } from "./settings";

const secret = "s".repeat(32);

describe("authSettings", () => {
  it("serves locally over http without Secure cookies and trusts both loopback names", () => {
    expect(authSettings({ AUTH_SECRET: secret, PORT: 3201 })).toEqual({
      secret,
      baseURL: "http://localhost:3201",
      trustedOrigins: ["http://localhost:3201", "http://127.0.0.1:3201"],
      secureCookies: false,
      trustedProxyHops: 0,
    });
  });

  it("reads X-Forwarded-For only behind as many proxies as TRUSTED_PROXY_HOPS says", () => {
    expect(authSettings({ AUTH_SECRET: secret, PORT: 3000, TRUSTED_PROXY_HOPS: 2 }).trustedProxyHops).toBe(2);
  });

  it("uses Secure cookies and trusts only APP_URL's origin when it is https", () => {
    const settings = authSettings({ AUTH_SECRET: secret, PORT: 3000, APP_URL: "https://monitor.example.org/" });
    expect(settings.secureCookies).toBe(true);
    expect(settings.baseURL).toBe("https://monitor.example.org");
    expect(settings.trustedOrigins).toEqual(["https://monitor.example.org"]);
  });

  it("refuses to run without a secret", () => {
    expect(() => authSettings({ PORT: 3000 })).toThrow(/AUTH_SECRET/);
  });
});

describe("hasTrustedOrigin", () => {
  const trusted = ["http://localhost:3000"];
  it("accepts the app's own origin only", () => {
    expect(hasTrustedOrigin(new Headers({ origin: "http://localhost:3000" }), trusted)).toBe(true);
    expect(hasTrustedOrigin(new Headers({ origin: "https://evil.example" }), trusted)).toBe(false);
    expect(hasTrustedOrigin(new Headers({ origin: "null" }), trusted)).toBe(false);
    expect(hasTrustedOrigin(new Headers(), trusted)).toBe(false);
  });
});
