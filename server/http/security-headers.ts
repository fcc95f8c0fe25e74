// The browser-side defences every response carries, set by proxy.ts (pages and API routes, per
// request), the tRPC endpoint itself (server/api-handler.ts: proxy.ts skips its many small
// calls) and next.config.js (static files). Pure, so unit tests read the exact policy.
//
// Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic':
// Next.js's chunks, the map's lazily loaded Leaflet chunk). No 'unsafe-inline', no 'unsafe-eval'
// outside `next dev` (React's dev tools need eval). A nonce changes per request, so pages are
// rendered per request — they are already, since the root layout reads the session.
//
// Styles: stylesheets from this origin or with the nonce. Style *attributes* stay allowed
// ('unsafe-inline' in style-src-attr only). Without it Chromium blocks 15 of them on the
// dashboard and the dyad page (e2e/security-headers.spec.ts, tried): the colour swatches of the
// map's legend and country list (`style={{ background }}` rendered into the server HTML), and
// recharts' chart wrappers and Leaflet's panes, which set the attribute from script. An
// attribute cannot run script, and <style> elements remain nonce-only.

export interface SecuritySettings {
  /** MAP_TILE_URL: its origin may serve images. */
  tileUrl?: string;
  /** APP_URL: HSTS only when users reach the app over https. */
  appUrl?: string;
  dev?: boolean;
}

/** The settings from the environment, as proxy.ts and the tRPC endpoint read them. */
export function securitySettingsOf(env: Record<string, string | undefined>): SecuritySettings {
  return { tileUrl: env.MAP_TILE_URL || undefined, appUrl: env.APP_URL || undefined, dev: env.NODE_ENV === "development" };
}

/** The tile server as a CSP source: `https://{s}.tile.example.org/{z}/…` → `https://*.tile.example.org`. */
export function tileSource(tileUrl: string): string {
  const match = /^(https?:\/\/)([^/?#]+)/.exec(tileUrl);
  if (!match) throw new Error(`MAP_TILE_URL is not an http(s) address: ${tileUrl}`);
  return `${match[1]}${(match[2] ?? "").replaceAll(/\{[^}]*\}/g, "*")}`;
}

export function pageContentSecurityPolicy(nonce: string, settings: SecuritySettings = {}): string {
  const tiles = settings.tileUrl ? ` ${tileSource(settings.tileUrl)}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${settings.dev ? " 'unsafe-eval'" : ""}`,
    // next dev injects CSS as <style> elements without a nonce (the production build links files).
    settings.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self'",
    `connect-src 'self'${settings.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API answers (JSON, CSV, Atom): nothing in them may load or run, nor be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The e-mail unsubscribe link's confirmation page (an API route answering HTML): as API answers, but its one button posts back to it. */
export const UNSUBSCRIBE_PAGE_PATH = "/api/alerts/unsubscribe";
export const UNSUBSCRIBE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The headers that do not depend on the request (next.config.js sets these on static files). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export function securityHeaders(settings: SecuritySettings, csp: string): Record<string, string> {
  const https = settings.appUrl?.startsWith("https:") ?? false;
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": csp,
    ...(https && { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }),
  };
}

/** A nonce of 128 random bits, base64: unguessable, and new for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
