import { describe, expect, it } from "vitest";
import { clientAddress, forwardedFor, UNKNOWN_ADDRESS, UNREADABLE_ADDRESS } from "./client-address";

/** The address throttling counts, for a request as our HTTP server receives it. */
const seen = (received: string | undefined, socket: string | undefined, hops: number) =>
  clientAddress(new Headers({ "x-forwarded-for": forwardedFor(received, socket, hops) }), hops);
/** Behind one proxy (at 10.0.0.2) that appends the address it saw. */
const viaProxy = (received?: string) => seen(received, "10.0.0.2", 1);

describe("the client's address", () => {
  it("with no proxy in front, is the socket's address whatever X-Forwarded-For claims", () => {
    for (const claimed of [undefined, "203.0.113.9", "198.51.100.1, 198.51.100.2", `203.0.113.${"9".repeat(80)}`]) {
      expect(seen(claimed, "192.0.2.44", 0)).toBe("192.0.2.44");
    }
  });

  it("behind a proxy, is the entry the proxy appended, not what the client claimed before it", () => {
    expect(viaProxy("203.0.113.9")).toBe("203.0.113.9");
    expect(viaProxy("10.9.9.9, 198.51.100.7")).toBe("198.51.100.7");
    expect(viaProxy(" 1.2.3.4 ,  2001:DB8::1 ")).toBe("2001:db8::1");
  });

  it("behind N proxies, is the entry N places left of the socket's, and unknown when fewer came", () => {
    expect(seen("6.6.6.6, 203.0.113.9, 10.0.0.2", "10.0.0.3", 2)).toBe("203.0.113.9");
    expect(seen(undefined, "10.0.0.3", 2)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers(), 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("reads IPv4 addresses that arrive mapped into IPv6 as IPv4", () => {
    expect(seen(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(viaProxy("::FFFF:7f00:1")).toBe("127.0.0.1");
  });

  it("writes one IPv6 address one way, however it is spelled", () => {
    expect(viaProxy("2001:0DB8:0000:0000::0001")).toBe("2001:db8::1");
  });

  it("gives an empty, over-long or malformed entry one shared key, never a fresh one or none", () => {
    for (const odd of ["", "x".repeat(100), `203.0.113.${"1".repeat(70)}`, "1.2.3.4:80", "01.2.3.4", "fe80::1%eth0", "unknown", "1.2.3.4, "]) {
      expect(viaProxy(odd), JSON.stringify(odd)).toBe(UNREADABLE_ADDRESS);
    }
  });
});
