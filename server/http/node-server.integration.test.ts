import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "../auth/client-address";
import { appServer } from "./node-server";

// A real HTTP server with our wrapper in front of a handler that answers the address the
// throttle would count: what a client sends in X-Forwarded-For must not change it.
function serve(hops: number) {
  const server = appServer((req, res) => {
    const headers = new Headers({ "x-forwarded-for": String(req.headers["x-forwarded-for"]) });
    res.end(clientAddress(headers, hops));
  }, hops);
  return server;
}

describe("the app's HTTP server", () => {
  const direct = serve(0);
  const proxied = serve(1);
  const urlOf = (server: ReturnType<typeof serve>) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  beforeAll(async () => {
    await Promise.all([direct, proxied].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
  });
  afterAll(async () => {
    await Promise.all([direct, proxied].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it("with no proxy in front, counts the socket's address whatever X-Forwarded-For claims", async () => {
    for (const claimed of ["203.0.113.9", "198.51.100.1, 198.51.100.2", "x".repeat(500)]) {
      const answer = await fetch(urlOf(direct), { headers: { "x-forwarded-for": claimed } });
      expect(await answer.text()).toBe("127.0.0.1");
    }
    expect(await (await fetch(urlOf(direct))).text()).toBe("127.0.0.1");
  });

  it("behind one proxy, counts the address that proxy appended", async () => {
    const answer = await fetch(urlOf(proxied), { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.9" } });
    expect(await answer.text()).toBe("203.0.113.9");
  });
});
