// Where a webhook may post: https to a public address. Checked at save and again before each post
// (after DNS resolution), so a rule cannot make the server probe its own network. Plain http is
// allowed only to 127.0.0.1 outside production, for local receivers in development and tests.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(prefix, bits, "ipv6");

/** Private, loopback, link-local, shared, multicast or reserved: never a webhook's target. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 one.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    return mapped ? blocked.check(mapped, "ipv4") : blocked.check(address, "ipv6");
  }
  return blocked.check(address, "ipv4");
}

const LOOPBACK_FOR_TESTS = "127.0.0.1";
const RESOLVE_TIMEOUT_MS = 3_000;

/** Why the URL may not be a webhook's target, or null when it may (its addresses resolved now). */
export async function refusedWebhookUrl(raw: string, options: { allowLocalHttp: boolean }): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "an https:// address";
  }
  const local = options.allowLocalHttp && url.hostname === LOOPBACK_FOR_TESTS;
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) return "an https:// address";
  if (url.username || url.password) return "an address without a user name or password";
  if (local) return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await withTimeout(lookup(host, { all: true, verbatim: true }), RESOLVE_TIMEOUT_MS)).map((a) => a.address);
  } catch {
    return "an address whose host name resolves";
  }
  if (addresses.length === 0) return "an address whose host name resolves";
  return addresses.some(isPrivateAddress) ? "a public address: private, loopback and link-local ones are refused" : null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref())]);
}
