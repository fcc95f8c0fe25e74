// The address a sign-in attempt is counted against (throttle.ts).
//
// Next.js gives route handlers no socket address: `next start` writes it into X-Forwarded-For
// only when the request carries none, so a client that sends the header replaces it, and the
// value cannot be told apart from one the client chose. So, with TRUSTED_PROXY_HOPS:
// - 0 (no proxy in front, the default): the header is ignored and every request shares one
//   key, DIRECT. Colleagues share its budget of failures (a success costs nothing), but no
//   client can give itself a fresh budget per request.
// - N (N proxies, each appending the address it saw): the Nth entry from the right is the one
//   our outermost proxy wrote; entries further left are the client's claims. A header with
//   fewer entries did not pass through all N, so it gets DIRECT too.
// Whatever is read is parsed as an IP address and written one way; anything else shares the key
// UNREADABLE, so an odd or over-long value never escapes the per-address limit.
import { isIPv4, isIPv6 } from "node:net";

export const DIRECT_ADDRESS = "direct";
export const UNREADABLE_ADDRESS = "unreadable";

/** At most this many proxies: a larger setting is a mistake, not a deployment. */
export const MAX_PROXY_HOPS = 10;

const IPV4_MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  if (trustedProxyHops < 1) return DIRECT_ADDRESS;
  const entries = headers.get("x-forwarded-for")?.split(",") ?? [];
  const entry = entries.length >= trustedProxyHops ? entries[entries.length - trustedProxyHops] : undefined;
  return entry === undefined ? DIRECT_ADDRESS : normalisedAddress(entry);
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
