import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "../auth/client-address";
import { PoolBusyError } from "../db-pool";
import { databaseUnavailable } from "../shared/unavailable";
import { gzipSync } from "node:zlib";
import { ENCODED_BODY_HEADER } from "./compressed-once";
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

// What Next.js does with a page whose render failed: status 500 and its error page, after the
// app met the error somewhere below (the session look-up, a tRPC call through the server caller).
describe("a page that failed", () => {
  const failing = appServer(async (req, res) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (req.url === "/outage") databaseUnavailable(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    if (req.url === "/busy") databaseUnavailable(new PoolBusyError(new Error("timeout exceeded when trying to connect")));
    res.statusCode = req.url === "/fine" ? 200 : 500;
    res.setHeader("content-type", "text/html");
    res.end("<h1>the error page</h1>");
  }, 0);
  const get = (path: string) => fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}${path}`);
  beforeAll(() => new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve)));
  afterAll(() => new Promise((resolve) => failing.close(resolve)));

  it("because the database is unavailable answers 503 with Retry-After and the same page, not 500", async () => {
    const response = await get("/outage");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toBe("<h1>the error page</h1>");
  });

  it("because every pooled connection was busy answers 503 with a short Retry-After", async () => {
    const response = await get("/busy");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
  });

  it("for any other reason stays a 500, and other requests keep their status", async () => {
    expect((await get("/bug")).status).toBe(500);
    expect((await get("/fine")).status).toBe(200);
  });
});

// What Next.js does with a route's response: its headers set one by one, Content-Encoding left
// out, the body written as it is.
describe("a body the route encoded itself", () => {
  const server = appServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.setHeader(ENCODED_BODY_HEADER, "gzip");
    res.end(gzipSync(JSON.stringify({ result: { data: { json: { index: 12.5 } } } })));
  }, 0);
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("reaches the client as Content-Encoding, so it is decoded there, and the marker is not sent", async () => {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/relations.series`);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get(ENCODED_BODY_HEADER)).toBeNull();
    expect(await response.json()).toEqual({ result: { data: { json: { index: 12.5 } } } });
  });
});

// Behind the front (`--instances N`), the front's pool alone closes a kept-alive connection: an
// instance closing one as idle could do so just as the front sent a request on it (a reset).
describe("a connection left idle", () => {
  /** Node closes an idle connection after keepAliveTimeout (5 s) and, since Node 24, a buffer (1 s). */
  const nodeIdleMs = (() => {
    const plain = createServer() as Server & { keepAliveTimeoutBuffer?: number };
    return plain.keepAliveTimeout + (plain.keepAliveTimeoutBuffer ?? 0);
  })();

  /** Connections a server accepted for two requests over one kept-alive client socket, past Node's idle time apart. */
  async function connectionsFor(options: { behindFront: boolean }) {
    const server = appServer((_req, res) => void res.end("ok"), 0, options);
    let connections = 0;
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<void>((resolve, reject) => {
        request({ host: "127.0.0.1", port: (server.address() as AddressInfo).port, agent }, (res) => res.resume().on("end", resolve)).on("error", reject).end();
      });
    try {
      await get();
      await new Promise((resolve) => setTimeout(resolve, nodeIdleMs + 500));
      await get();
      return connections;
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("stays open behind the front, where a server on its own closes it once idle", async () => {
    const [behindFront, alone] = await Promise.all([connectionsFor({ behindFront: true }), connectionsFor({ behindFront: false })]);
    expect(behindFront).toBe(1);
    expect(alone).toBe(2);
  });
});
