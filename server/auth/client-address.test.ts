import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const from = (value?: string) => clientAddress(new Headers(value === undefined ? {} : { "x-forwarded-for": value }));

describe("clientAddress", () => {
  it("takes the hop nearest to the server, not what the client claimed first", () => {
    expect(from("203.0.113.9")).toBe("203.0.113.9");
    expect(from("10.9.9.9, 198.51.100.7")).toBe("198.51.100.7");
    expect(from(" 1.2.3.4 ,  2001:DB8::1 ")).toBe("2001:db8::1");
  });

  it("reads IPv4 addresses that arrive mapped into IPv6 as IPv4", () => {
    expect(from("::ffff:127.0.0.1")).toBe("127.0.0.1");
  });

  it("has no address when the header is missing, empty or absurd", () => {
    expect(from()).toBeNull();
    expect(from("")).toBeNull();
    expect(from("x".repeat(100))).toBeNull();
  });
});
