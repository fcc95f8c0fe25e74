import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, securityHeaders, STATIC_SECURITY_HEADERS, tileSource, UNSUBSCRIBE_CONTENT_SECURITY_POLICY } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("the pages' Content Security Policy", () => {
  it("runs only scripts with this request's nonce, and what they load; never inline or eval in production", () => {
    const csp = pageContentSecurityPolicy("abc123");
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'nonce-abc123'");
    for (const d of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) expect(csp.split("; ")).toContain(d);
  });

  it("lets next dev's eval, injected styles and hot-reload socket through, only in development", () => {
    const csp = pageContentSecurityPolicy("n", { dev: true });
    expect(directive(csp, "script-src")).toContain("'unsafe-eval'");
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' ws:");
  });

  it("allows images from the tile server when MAP_TILE_URL is set, subdomain templates included", () => {
    expect(directive(pageContentSecurityPolicy("n"), "img-src")).toBe("img-src 'self' data: blob:");
    expect(directive(pageContentSecurityPolicy("n", { tileUrl: "https://tiles.example.org/{z}/{x}/{y}.png" }), "img-src")).toBe("img-src 'self' data: blob: https://tiles.example.org");
    expect(tileSource("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png")).toBe("https://*.tile.example.org:8443");
  });

  it("draws a new, unguessable nonce for every request", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("securityHeaders", () => {
  it("sends HSTS only when users reach the app over https", () => {
    expect(securityHeaders({ appUrl: "https://monitor.example.org" }, "x")["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders({ appUrl: "http://localhost:3000" }, "x")).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({}, "x")).toMatchObject({ "Referrer-Policy": "strict-origin-when-cross-origin", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "x" });
  });
});

describe("the static files' headers", () => {
  it("are the ones proxy.ts sets on pages: next.config.js repeats the list exactly", async () => {
    // A path in a variable: next.config.js is plain JavaScript, outside the type-checked project.
    const configPath = "../../next.config.js";
    const config: { default: { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> } } = await import(configPath);
    const [rule] = await config.default.headers();
    expect(rule?.source).toBe("/:path*");
    expect(Object.fromEntries((rule?.headers ?? []).map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
  });
});

describe("the e-mail unsubscribe page's policy", () => {
  it("is the API answers' (nothing loads or runs, no framing) except that its one form may post back to this origin", () => {
    expect(UNSUBSCRIBE_CONTENT_SECURITY_POLICY).toBe(API_CONTENT_SECURITY_POLICY.replace("form-action 'none'", "form-action 'self'"));
  });
});
