import { describe, expect, it } from "vitest";
import { clientAddress, DIRECT_ADDRESS, UNREADABLE_ADDRESS } from "./client-address";

const headersWith = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });
/** Behind one proxy that appends the address it saw. */
const from = (value?: string) => clientAddress(headersWith(value), 1);

describe("clientAddress", () => {
  it("takes the hop nearest to the server, not what the client claimed first", () => {
    expect(from("203.0.113.9")).toBe("203.0.113.9");
    expect(from("10.9.9.9, 198.51.100.7")).toBe("198.51.100.7");
    expect(from(" 1.2.3.4 ,  2001:DB8::1 ")).toBe("2001:db8::1");
  });

  it("reads IPv4 addresses that arrive mapped into IPv6 as IPv4", () => {
    expect(from("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(from("::FFFF:7f00:1")).toBe("127.0.0.1");
  });

  it("writes one IPv6 address one way, however it is spelled", () => {
    expect(from("2001:0DB8:0000:0000::0001")).toBe("2001:db8::1");
  });

  it("ignores X-Forwarded-For with no proxy in front: every claimed address is the one direct key", () => {
    for (const claimed of [undefined, "203.0.113.9", "198.51.100.1, 198.51.100.2", `203.0.113.${"9".repeat(80)}`]) {
      expect(clientAddress(headersWith(claimed), 0)).toBe(DIRECT_ADDRESS);
    }
  });

  it("takes the Nth entry from the right behind N proxies, and the direct key when fewer came", () => {
    expect(clientAddress(headersWith("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientAddress(headersWith("10.0.0.2"), 2)).toBe(DIRECT_ADDRESS);
  });

  it("falls back to the direct key when the header is missing", () => {
    expect(from()).toBe(DIRECT_ADDRESS);
  });

  it("gives an empty, over-long or malformed entry one shared key, never a fresh one or none", () => {
    for (const odd of ["", "x".repeat(100), `203.0.113.${"1".repeat(70)}`, "1.2.3.4:80", "01.2.3.4", "fe80::1%eth0", "unknown", "1.2.3.4, "]) {
      expect(from(odd), JSON.stringify(odd)).toBe(UNREADABLE_ADDRESS);
    }
  });
});
