// Where the server may send a request a user chose the address of (an alert's webhook, a news
// feed): a public address only. Checked at save and again before each request (after DNS
// resolution), so nobody can make the server probe its own network. Loopback (127.0.0.1, over
// http too) is let through outside production, or with ALLOW_LOOPBACK_TARGETS=1 for the
// loopback stand-ins of the demo and the end-to-end tests.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "../env";

const blocked = new BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(prefix, bits, "ipv6");

/** Private, loopback, link-local, shared, multicast or reserved: never a target. */
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

export const LOOPBACK_FOR_TESTS = "127.0.0.1";

/**
 * What a refused address lacks, as refusedTargetUrl answers it: each service says it in the
 * reader's language (messages keyed per need); the worker's logs and delivery records in these words.
 */
export const TARGET_NEEDS = {
  https: "an https:// address",
  httpOrHttps: "an http:// or https:// address",
  noCredentials: "an address without a user name or password",
  resolvable: "an address whose host name resolves",
  public: "a public address: private, loopback and link-local ones are refused",
} as const;
export type TargetNeed = keyof typeof TARGET_NEEDS;
const RESOLVE_TIMEOUT_MS = 3_000;

/** Whether this server lets requests go to 127.0.0.1: outside production, or when told to. */
export const loopbackTargetsAllowed = (): boolean => env.NODE_ENV !== "production" || env.ALLOW_LOOPBACK_TARGETS;

export interface TargetRules {
  /** https only (webhooks), or http as well (news feeds, many of which are served over http). */
  schemes: "https" | "http-or-https";
  allowLoopback: boolean;
  /** false: check the scheme and a literal address only, not what a host name resolves to now. */
  resolve?: boolean;
}

/**
 * What the URL lacks to be a target (TARGET_NEEDS), or null when it may be one (its addresses
 * resolved now).
 */
export async function refusedTargetUrl(raw: string, rules: TargetRules): Promise<TargetNeed | null> {
  const wanted = rules.schemes === "https" ? "https" : "httpOrHttps";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return wanted;
  }
  const local = rules.allowLoopback && url.hostname === LOOPBACK_FOR_TESTS;
  const schemes = rules.schemes === "https" && !local ? ["https:"] : ["http:", "https:"];
  if (!schemes.includes(url.protocol)) return wanted;
  if (url.username || url.password) return "noCredentials";
  if (local) return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // Without resolving (a feed saved while its host is unreachable from here), the name is
  // judged again, resolved, before each request.
  if (rules.resolve === false && !isIP(host)) return host === "localhost" || host.endsWith(".localhost") ? "public" : null;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await withTimeout(lookup(host, { all: true, verbatim: true }), RESOLVE_TIMEOUT_MS)).map((a) => a.address);
  } catch {
    return "resolvable";
  }
  if (addresses.length === 0) return "resolvable";
  return addresses.some(isPrivateAddress) ? "public" : null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref())]);
}
