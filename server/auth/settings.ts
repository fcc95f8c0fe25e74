// Where the app is served from decides the cookie flags and which origins may change state.
import type { Env } from "../env";

export interface AuthSettings {
  secret: string;
  baseURL: string;
  /** Origins allowed to send state-changing requests (Better Auth's and our tRPC mutations). */
  trustedOrigins: string[];
  /**
   * Secure cookies are only sent over https, so they follow the base URL rather than NODE_ENV:
   * `npm start` serves a production build on http://localhost, where Secure would lose them.
   */
  secureCookies: boolean;
  /** Reverse proxies in front of the app, for the sign-in throttle's address (client-address.ts). */
  trustedProxyHops: number;
}

export function authSettings(env: Pick<Env, "AUTH_SECRET" | "APP_URL" | "PORT"> & Partial<Pick<Env, "TRUSTED_PROXY_HOPS">>): AuthSettings {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set: start the app with `npm start`, which provides one.");
  const base = new URL(env.APP_URL ?? `http://localhost:${env.PORT}`);
  // Without APP_URL the app is local, and a browser may name the loopback either way.
  const trustedOrigins = env.APP_URL ? [base.origin] : [base.origin, `http://127.0.0.1:${env.PORT}`];
  return { secret: env.AUTH_SECRET, baseURL: base.origin, trustedOrigins, secureCookies: base.protocol === "https:", trustedProxyHops: env.TRUSTED_PROXY_HOPS ?? 0 };
}

/** Same-origin test for state-changing requests: the browser's Origin header must be trusted. */
export function hasTrustedOrigin(headers: Headers, trustedOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  return origin !== null && trustedOrigins.includes(origin);
}
