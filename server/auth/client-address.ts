// The address a request comes from, for per-address sign-in throttling.
//
// Next.js sets X-Forwarded-For to the socket's address only when the request has none, and a
// reverse proxy appends the address it saw. So the last entry is the one written by the hop
// nearest to us; entries before it are whatever the client claimed. Deployed without a proxy
// that owns this header, a client can still pick its own address, which is why every account
// is also throttled on its own (see throttle.ts) and the README says to run behind one.

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim().toLowerCase();
  if (!last || last.length > 64) return null;
  return last.replace(IPV4_MAPPED, "$1");
}
