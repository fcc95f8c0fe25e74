// Property-based: every procedure, signed in as an admin (the widest surface) and as an analyst,
// and the other HTTP routes, fed random and malicious input over real Requests against a real
// PostgreSQL. Whatever arrives, the answer is a refusal or a result — never a 500, a stack
// trace, a file path or a database error's text. Procedures are read from the router, so a new
// one is fuzzed without touching this file. On failure fast-check prints the seed and path to replay.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORIGIN, useAuthTestDatabase } from "@/scripts/test/auth";
import { hostileString, hostileValue, inputsFor } from "@/scripts/test/hostile";
import { allProcedures } from "@/scripts/test/procedures";
import { exportAgreements, type ExportFormat } from "./agreements/exports";
import { createAuthRouteHandler } from "./auth/route-handler";
import { EVENT_COLUMNS } from "./import/columns";
import { createImportHandler } from "./import/handler";
import { UNPAIRED_SURROGATE } from "./shared/storable-text";

/** What must never reach a client: stack frames, source paths, driver and ORM messages. */
const LEAKS = [/\n\s+at \S/, /\.(ts|tsx|js|mjs|cjs):\d+/, /node_modules/, /\/server\//, /prisma/i, /Invalid `/, /violates .* constraint|duplicate key|syntax error at|does not exist|invalid input syntax/];
const RUNS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 24);

/** A browser encodes an unpaired surrogate as U+FFFD; encodeURIComponent throws instead. */
const uriEncode = (text: string) => encodeURIComponent(text.replace(new RegExp(UNPAIRED_SURROGATE, "g"), "\ufffd"));

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function expectSafe(response: Response, what: string, { json = true } = {}): Promise<void> {
  const text = await response.text();
  expect(response.status, `${what} → ${response.status}: ${text.slice(0, 400)}`).toBeLessThan(500);
  for (const leak of LEAKS) expect(text, `${what} leaked ${leak}`).not.toMatch(leak);
  expect(!json || parsesAsJson(text), `${what} answered non-JSON: ${text.slice(0, 200)}`).toBe(true);
}

describe("hostile input", async () => {
  const t = await useAuthTestDatabase();
  const signedIn = { admin: await t.signIn("admin@example.com"), analyst: await t.signIn("analyst@example.com") };
  const roles = fc.constantFrom("admin" as const, "analyst" as const);

  describe.each(allProcedures())("$path", ({ path, kind, inputs }) => {
    it("answers every input with a result or a 4xx, never a trace", async () => {
      await expect(fc.assert(
        fc.asyncProperty(inputsFor(inputs), roles, async (input, role) => {
          const response = await t.api(t.trpcRequest(path, input, { method: kind === "query" ? "GET" : "POST", headers: signedIn[role] }));
          await expectSafe(response, `${role} ${path}(${JSON.stringify(input)?.slice(0, 200)})`);
        }),
        { numRuns: RUNS_PER_PROCEDURE },
      )).resolves.toBeUndefined();
    });
  });

  it("the tRPC endpoint survives broken wire formats, unknown paths and oversized batches", async () => {
    const paths = fc.oneof(
      fc.constantFrom(...allProcedures().map((p) => p.path)),
      hostileString.filter((s) => s.length < 200),
      fc.array(fc.constantFrom("relations.dyads", "geo.countries", "account.me"), { minLength: 2, maxLength: 200 }).map((list) => list.join(",")),
    );
    const bodies = fc.oneof(
      hostileString,
      hostileValue.map((value) => JSON.stringify(value) ?? "null"),
      fc.tuple(hostileValue, hostileValue).map(([json, meta]) => JSON.stringify({ json, meta })),
      fc.uint8Array({ maxLength: 300 }),
    );
    const contentTypes = fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "");
    await expect(fc.assert(
      fc.asyncProperty(paths, fc.boolean(), fc.boolean(), bodies, contentTypes, async (path, batch, post, body, contentType) => {
        const query = batch ? "?batch=1" : "";
        const headers = new Headers(signedIn.admin);
        if (contentType) headers.set("content-type", contentType);
        const url = `${ORIGIN}/api/trpc/${uriEncode(path).replaceAll("%2C", ",")}${query}`;
        const request = post
          ? new Request(url, { method: "POST", headers, body })
          : new Request(`${url}${query ? "&" : "?"}input=${uriEncode(typeof body === "string" ? body : "x")}`, { headers });
        await expectSafe(await t.api(request), `${post ? "POST" : "GET"} ${path.slice(0, 80)}${query}`);
      }),
      { numRuns: 150 },
    )).resolves.toBeUndefined();
  });

  it("exports and the feed take any query string and credentials without a 500", async () => {
    const session = async (headers: Headers) => {
      const found = await t.auth.api.getSession({ headers });
      return found ? { userId: found.user.id } : null;
    };
    const params = fc.array(fc.tuple(fc.oneof(fc.constantFrom("q", "dyad", "party", "sector", "status", "kind", "from", "to", "token", "cursor"), hostileString.filter((s) => s.length < 50)), hostileString), { maxLength: 6 });
    const credentials = fc.constantFrom<[string, string][]>([], [["cookie", signedIn.analyst.get("cookie") ?? ""]], [["authorization", "Bearer not-a-token"]], [["authorization", "Basic ' OR 1=1 --"]], [["authorization", `Bearer ${"x".repeat(8000)}`]]);
    await expect(fc.assert(
      fc.asyncProperty(fc.constantFrom<ExportFormat>("atom", "csv", "json"), params, credentials, async (format, pairs, headers) => {
        const url = new URL(`${ORIGIN}/api/exports/agreements.${format}`);
        for (const [key, value] of pairs) url.searchParams.append(key, value);
        const response = await exportAgreements({ db: t.db, format, request: new Request(url, { headers }), session });
        await expectSafe(response, `${format} ${url.search.slice(0, 200)}`, { json: format === "json" && response.ok });
      }),
      { numRuns: 60 },
    )).resolves.toBeUndefined();
  });

  it("Better Auth's routes take any body, path and origin without a 500", async () => {
    const handle = createAuthRouteHandler(t.auth, async () => true);
    const routes = fc.constantFrom("sign-in/email", "sign-out", "get-session", "sign-up/email", "change-password", "../trpc/account.me", "%00");
    const bodies = fc.oneof(hostileString, hostileValue.map((v) => JSON.stringify(v) ?? ""), fc.record({ email: hostileString, password: hostileString }).map((b) => JSON.stringify(b)));
    await expect(fc.assert(
      fc.asyncProperty(routes, bodies, fc.constantFrom(ORIGIN, "https://evil.example", ""), async (route, body, origin) => {
        const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": `203.0.113.${route.length}` });
        if (origin) headers.set("origin", origin);
        const response = await handle(new Request(`${ORIGIN}/api/auth/${route}`, { method: "POST", headers, body }));
        await expectSafe(response, `auth ${route}`, { json: false });
      }),
      { numRuns: 80 },
    )).resolves.toBeUndefined();
  });

  it("refuses a sign-in whose email PostgreSQL could not store with a 400 and the reason (a fuzzing find)", async () => {
    const handle = createAuthRouteHandler(t.auth, async () => true);
    for (const email of ["\u0000", "analyst@example.com\u0000", "a\ud800@example.com"]) {
      const response = await handle(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "203.0.113.77" },
          body: JSON.stringify({ email, password: "maghreb-demo" }),
        }),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: "BAD_REQUEST", message: 'Text must not contain NUL characters or unpaired surrogates (at "email").' });
    }
  });

  it("the CSV import takes any file, dry run or not, without a 500 or a trace", async () => {
    const handle = createImportHandler({ db: t.db, auth: t.auth, trustedOrigins: [ORIGIN] });
    const header = EVENT_COLUMNS.map((c) => c.name);
    // A real header with hostile cells (quoted, so commas and newlines stay inside), or any text at all.
    const cell = hostileString.map((text) => `"${text.replaceAll('"', '""')}"`);
    const files = fc.oneof(
      fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }).map((cells) => cells.join(",")), { minLength: 1, maxLength: 5 }).map((rows) => [header.join(","), ...rows].join("\r\n")),
      hostileString,
    );
    await expect(fc.assert(
      fc.asyncProperty(files, fc.boolean(), async (file, dryRun) => {
        const request = new Request(`${ORIGIN}/api/admin/import${dryRun ? "?dryRun=1" : ""}`, { method: "POST", headers: { ...Object.fromEntries(signedIn.admin), "content-type": "text/csv" }, body: file });
        const response = await handle(request);
        // An import that passes every check streams NDJSON progress; everything else is one JSON answer.
        await expectSafe(response, `import${dryRun ? " (dry run)" : ""} ${JSON.stringify(file.slice(0, 200))}`, { json: response.headers.get("content-type")?.startsWith("application/json") ?? false });
      }),
      { numRuns: 40 },
    )).resolves.toBeUndefined();
  });

  describe("regressions found by fuzzing", () => {
    it.each([
      ["users.setRole", { userId: "a\u0000b", role: "admin" }, "POST"],
      ["events.byId", { id: "\u0000" }, "GET"],
      ["views.create", { name: "Sectors", teamId: null, state: { v: 1, sectors: ["\ud800"] } }, "POST"],
      ["events.formOptions", { constructor: { "\u0000": 1 } }, "GET"],
    ] as const)("%s with text PostgreSQL cannot store: 400 naming where, not a 500", async (path, input, method) => {
      const response = await t.api(t.trpcRequest(path, input, { method, headers: signedIn.admin }));
      expect(response.status).toBe(400);
      expect((await response.json()).error.json.message).toMatch(/^Text must not contain NUL characters or unpaired surrogates \(at "/);
    });

    it("an export's search with a NUL character: 400 naming the parameter", async () => {
      const request = new Request(`${ORIGIN}/api/exports/agreements.json?q=a%00b`, { headers: signedIn.analyst });
      const session = async () => ({ userId: "any" });
      const response = await exportAgreements({ db: t.db, format: "json", request, session });
      expect(response.status).toBe(400);
      expect((await response.json()).problems).toEqual([{ param: "q", message: "Search must not contain NUL characters or unpaired surrogates" }]);
    });
  });
});
