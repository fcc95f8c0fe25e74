// fetch for addresses a user chose (webhooks, news feeds), pinned to public addresses at the moment
// of connecting. refusedTargetUrl judges a URL before the request; a host name can still resolve
// to a public address then and to 127.0.0.1 a moment later (DNS rebinding). Here the connection's
// own DNS lookup is judged: a private answer fails the connection, so no byte reaches it.
import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import { Agent } from "undici";
import { isPrivateAddress, LOOPBACK_FOR_TESTS } from "./outbound-target";

export class PrivateAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolved to ${address}, a private address: refused`);
    this.name = "PrivateAddressError";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup that answers only public addresses (and 127.0.0.1 when loopback stand-ins are allowed). */
export function publicOnlyLookup(allowLoopback: boolean) {
  return (host: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find(({ address }) => isPrivateAddress(address) && !(allowLoopback && address === LOOPBACK_FOR_TESTS));
      if (refused) return callback(new PrivateAddressError(host, refused.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${host} did not resolve`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}

const agents = new Map<boolean, Agent>();

function agentFor(allowLoopback: boolean): Agent {
  let agent = agents.get(allowLoopback);
  if (!agent) agents.set(allowLoopback, (agent = new Agent({ connect: { lookup: publicOnlyLookup(allowLoopback) } })));
  return agent;
}

/**
 * fetch whose connections reach public addresses only (see the top of this file). Node's own fetch
 * is undici; the dispatcher comes from the same undici release (package.json pins Node's).
 */
export function fetchPublic(url: string, init: RequestInit, allowLoopback: boolean): Promise<Response> {
  // The DOM's RequestInit, which TypeScript gives fetch, does not name undici's `dispatcher` option.
  const pinned: RequestInit & { dispatcher: Agent } = { ...init, dispatcher: agentFor(allowLoopback) };
  return fetch(url, pinned);
}
