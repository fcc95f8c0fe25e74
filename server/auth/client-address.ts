// The address a sign-in attempt is counted against (throttle.ts).
//
// Next.js gives route handlers no socket address, and `next start` keeps any X-Forwarded-For a
// client sends. So the app is served by its own HTTP server (server/http/node-server.ts), which
// rewrites the header before Next.js sees it (`forwardedFor`): with TRUSTED_PROXY_HOPS=0 (no
// proxy in front, the default) to the socket's address alone; behind N proxies, to the entries
// the request came with followed by the socket's address (the nearest proxy's). The client is
// then the entry N places left of the last: entries further left are whatever the client claimed.
// Whatever is read is parsed as an IP address and written one way; anything else shares the key
// UNREADABLE, so an odd or over-long value never escapes the per-address limit.
import { isIPv4, isIPv6 } from "node:net";

/** A request that did not come through as many proxies as configured (or not through our server). */
export const UNKNOWN_ADDRESS = "unknown";
export const UNREADABLE_ADDRESS = "unreadable";

/** At most this many proxies: a larger setting is a mistake, not a deployment. */
export const MAX_PROXY_HOPS = 10;

/** X-Forwarded-For as our HTTP server hands it to Next.js: see the comment at the top. */
export function forwardedFor(received: string | string[] | undefined, socketAddress: string | undefined, trustedProxyHops: number): string {
  const claimed = trustedProxyHops < 1 || received === undefined ? [] : [received].flat();
  return [...claimed, socketAddress ?? UNKNOWN_ADDRESS].join(", ");
}

export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const entries = headers.get("x-forwarded-for")?.split(",") ?? [];
  const entry = entries.length > trustedProxyHops ? entries[entries.length - 1 - trustedProxyHops] : undefined;
  return entry === undefined ? UNKNOWN_ADDRESS : normalisedAddress(entry);
}

/** One spelling per address: IPv6 compressed and lower-cased, IPv4 mapped into IPv6 as IPv4. */
export function normalisedAddress(entry: string): string {
  const value = entry.trim();
  if (isIPv4(value)) return value;
  if (!isIPv6(value) || value.includes("%")) return UNREADABLE_ADDRESS;
  // The URL parser writes an IPv6 address the one canonical way (RFC 5952).
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = IPV4_MAPPED_HEX.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1] ?? "0", 16), parseInt(mapped[2] ?? "0", 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

const IPV4_MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;
