import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { frontServer, instanceRoles, pickBackend, roleFor, type Backend } from "./front";

describe("the front's routing", () => {
  it("sends tRPC calls, batched or not, to the API instances and everything else to the pages'", () => {
    for (const url of ["/api/trpc/relations.summary?input=%7B%7D", "/api/trpc/agreements.list,views.list?batch=1", "/api/trpc"]) expect(roleFor(url)).toBe("api");
    for (const url of ["/", "/dyads/FRA-MAR", "/api/health", "/api/auth/sign-in/email", "/api/export/agreements.csv", "/_next/static/chunks/a.js", "/api/trpcx"]) expect(roleFor(url)).toBe("pages");
  });

  it("keeps a third of the instances, at least one, for the calls", () => {
    expect(instanceRoles(2)).toEqual(["api", "pages"]);
    expect(instanceRoles(3)).toEqual(["api", "pages", "pages"]);
    expect(instanceRoles(6).filter((r) => r === "api")).toHaveLength(2);
  });

  const backend = (role: Backend["role"], inFlight: number, up = true): Backend => ({ role, socketPath: `/s/${role}-${inFlight}`, up, inFlight });

  it("picks the serving instance of the role with the fewest requests in flight", () => {
    const busy = backend("pages", 3);
    const idle = backend("pages", 1);
    expect(pickBackend([backend("api", 0), busy, idle, backend("pages", 0, false)], "pages")).toBe(idle);
  });

  it("lets the other role's instances answer while none of the role serves, and nobody when none serves", () => {
    const pages = backend("pages", 5);
    expect(pickBackend([backend("api", 0, false), pages], "api")).toBe(pages);
    expect(pickBackend([backend("api", 0, false), backend("pages", 0, false)], "pages")).toBeUndefined();
  });
});

// Real servers on Unix sockets stand in for the instances; each test's are closed after it.
const opened: Server[] = [];
const folder = mkdtempSync(join(tmpdir(), "front-test-"));
afterEach(async () => {
  await Promise.all(opened.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const listening = (server: Server, where: string | number) => new Promise<Server>((resolve) => server.listen(where, () => resolve(server)));

describe("the front over instances that reset a connection", () => {
  /** An API and a pages instance answering their role's name; the pages one resets its first `resets` connections unanswered. */
  async function frontWithResets(resets: number) {
    const api = await listening(createServer((_req, res) => res.end("api")), join(folder, `api-${resets}.sock`));
    let left = resets;
    const pages = await listening(
      createServer((req, res) => (left-- > 0 ? req.socket.destroy() : res.end("pages"))),
      join(folder, `pages-${resets}.sock`),
    );
    const backends: Backend[] = [
      { role: "api", socketPath: join(folder, `api-${resets}.sock`), up: true, inFlight: 0 },
      { role: "pages", socketPath: join(folder, `pages-${resets}.sock`), up: true, inFlight: 0 },
    ];
    const front = await listening(frontServer(backends, 0), 0);
    opened.push(api, pages, front);
    const page = () => fetch(`http://127.0.0.1:${(front.address() as AddressInfo).port}/dyads/FRA-MAR`).then((r) => r.text());
    return { page, backends };
  }

  it("asks a page again of a pages instance when a connection is reset under it: the API instance would load the page cold", async () => {
    const { page, backends } = await frontWithResets(1);
    expect(await page()).toBe("pages");
    expect(backends.every((b) => b.up)).toBe(true);
  });

  it("hands the page to the other role when its instance resets it twice", async () => {
    const { page } = await frontWithResets(2);
    expect(await page()).toBe("api");
  });
});

describe("the front when an instance dies before the primary hears of it", () => {
  /** A dead API instance (its socket gone, still marked up) and a pages instance that echoes what it was sent, or resets once it has read it. */
  async function frontWithDeadApi(name: string, pagesResets = false) {
    const received: string[] = [];
    const pages = await listening(
      createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        received.push(Buffer.concat(chunks).toString());
        if (pagesResets) req.socket.destroy();
        else res.end(`pages got ${req.method} ${Buffer.concat(chunks).length} bytes`);
      }),
      join(folder, `${name}-pages.sock`),
    );
    const backends: Backend[] = [
      { role: "api", socketPath: join(folder, `${name}-api.sock`), up: true, inFlight: 0 },
      { role: "pages", socketPath: join(folder, `${name}-pages.sock`), up: true, inFlight: 0 },
    ];
    const front = await listening(frontServer(backends, 0), 0);
    opened.push(pages, front);
    const post = (path: string, body: string) =>
      fetch(`http://127.0.0.1:${(front.address() as AddressInfo).port}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });
    return { post, backends, received };
  }

  it("sends a call refused by the dead instance, body and all, to one that serves, and stops sending it any", async () => {
    const { post, backends, received } = await frontWithDeadApi("refused");
    const body = JSON.stringify({ title: "Accord de coopération", amount: 1_000_000 });
    const answer = await post("/api/trpc/events.create", body);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(`pages got POST ${Buffer.byteLength(body)} bytes`);
    expect(received).toEqual([body]);
    expect(backends[0]?.up).toBe(false);
  });

  it("does not send a call again once an instance may have carried it out (it read the call, then went away)", async () => {
    const { post, received } = await frontWithDeadApi("reset", true);
    const answer = await post("/api/trpc/events.create", "{}");
    expect(answer.status).toBe(502);
    expect(await answer.text()).toMatch(/stopped; try again/);
    expect(received).toEqual(["{}"]);
  });

  it("streams a body too large to keep to the instance as it comes, whole", async () => {
    const { post } = await frontWithDeadApi("large");
    const body = "x".repeat(3 * 1024 * 1024);
    const answer = await post("/api/import/events", body);
    expect(await answer.text()).toBe(`pages got POST ${body.length} bytes`);
  });
});
