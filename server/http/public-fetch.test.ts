// DNS rebinding: a name judged public before the request may resolve to a private address when
// the connection is made. The connection's own lookup is judged, so nothing reaches that address.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPublic, PrivateAddressError, publicOnlyLookup } from "./public-fetch";

let server: Server;
let port = 0;
let received = 0;

beforeAll(async () => {
  server = createServer((_, response) => {
    received++;
    response.end("inside");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchPublic", () => {
  it("refuses at connection a host name that resolves to a private address, before any byte is sent", async () => {
    const before = received;
    const failure = await fetchPublic(`http://localhost:${port}/`, {}, false).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure instanceof Error && failure.cause).toBeInstanceOf(PrivateAddressError);
    expect(received).toBe(before);
  });

  it("lets the loopback stand-ins (127.0.0.1) through where they are allowed", async () => {
    const response = await fetchPublic(`http://127.0.0.1:${port}/`, {}, true);
    expect(await response.text()).toBe("inside");
  });

  it("answers public addresses as dns.lookup does, one or all", async () => {
    // A literal public address resolves to itself without the network.
    const one = await new Promise<unknown[]>((resolve) => publicOnlyLookup(false)("93.184.215.14", { family: 4 }, (...args) => resolve(args)));
    expect(one).toEqual([null, "93.184.215.14", 4]);
    const all = await new Promise<unknown[]>((resolve) => publicOnlyLookup(false)("93.184.215.14", { all: true }, (...args) => resolve(args)));
    expect(all).toEqual([null, [{ address: "93.184.215.14", family: 4 }]]);
    const refused = await new Promise<unknown[]>((resolve) => publicOnlyLookup(false)("10.1.2.3", { all: true }, (...args) => resolve(args)));
    expect(refused[0]).toBeInstanceOf(PrivateAddressError);
  });
});
