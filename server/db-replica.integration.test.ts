// DATABASE_REPLICA_URL: queries (over HTTP and from pages) read the replica, mutations write the
// primary, and a browser that has just written reads its write back from the primary. The
// replica here is a copy that stopped replaying when it was seeded — the worst lag there is —
// and its sessions refuse writes, so a write sent there would fail rather than vanish.
import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createAgreement, eventInputFixture } from "@/prisma/seed/factories";
import { ORIGIN, useAuthTestDatabase } from "@/scripts/test/auth";
import { useTestDatabase } from "@/scripts/test/database";
import { inputsFor } from "@/scripts/test/hostile";
import { allProcedures } from "@/scripts/test/procedures";
import { agreementSectors, sectorsCacheWith } from "./agreements/service";
import { createApiHandler } from "./api-handler";
import { createReplicaClient, WROTE_COOKIE } from "./db-replica";
import { forgetRollupCheck } from "./relations/rollup";
import { createCaller } from "./root";
import { createContext } from "./trpc";

describe("with a read replica", async () => {
  const t = await useAuthTestDatabase({ seed: true });
  const lagging = await useTestDatabase({ seed: true });
  const replica = createReplicaClient(lagging.url, t.db, { poolSize: 2 });
  afterAll(() => replica.$disconnect()); // before the database is dropped: hooks run last-registered first
  const api = createApiHandler({ db: t.db, replica, auth: t.auth, trustedOrigins: [ORIGIN] });
  const admin = await t.signIn("admin@example.com");
  const withCookie = (headers: Headers, cookie: string) => new Headers({ ...Object.fromEntries(headers), cookie: `${headers.get("cookie") ?? ""}; ${cookie}` });

  it("brings the index up to date through the primary when a query reads the replica", async () => {
    // A day with no row yet on the primary: the read extends the rollup, a write.
    const dyad = await t.db.dyad.findFirstOrThrow({ select: { id: true } });
    const [{ last } = { last: new Date(0) }] = await t.db.$queryRaw<{ last: Date }[]>`SELECT max(day) AS last FROM "DyadDay" WHERE "dyadId" = ${dyad.id}`;
    await t.db.$executeRaw`DELETE FROM "DyadDay" WHERE "dyadId" = ${dyad.id} AND day = ${last}`;
    forgetRollupCheck();
    const summary = await api(t.trpcRequest("relations.summary", {}, { method: "GET", headers: admin }));
    expect(summary.status, await summary.clone().text()).toBe(200);
    expect(await t.db.dyadDay.count({ where: { dyadId: dyad.id, day: last } })).toBe(1);
  });

  it("cannot write on the replica's sessions", async () => {
    await expect(replica.team.create({ data: { name: "Written on the replica" } })).rejects.toThrow(/read-only transaction/);
  });

  it("writes a mutation to the primary, reads queries from the replica, and lets the writer read its write at once", async () => {
    const created = await api(t.trpcRequest("events.create", eventInputFixture({ title: "Written through the primary" }), { headers: admin }));
    expect(created.status, await created.clone().text()).toBe(200);
    const id = ((await created.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
    expect(await t.db.event.count({ where: { id } })).toBe(1);
    expect(await replica.event.count({ where: { id } })).toBe(0);

    const wrote = created.headers.getSetCookie().find((c) => c.startsWith(`${WROTE_COOKIE}=`))?.split(";")[0] ?? "";
    expect(wrote).not.toBe("");
    const read = (headers: Headers) => api(t.trpcRequest("events.byId", { id }, { method: "GET", headers })).then((r) => r.status);
    expect(await read(withCookie(admin, wrote))).toBe(200); // the writer: from the primary
    expect(await read(admin)).toBe(404); // anyone else: the replica, which has not caught up
    expect(await read(withCookie(admin, `${WROTE_COOKIE}=${Date.now() - 1}`))).toBe(404); // the writer, once the window has passed

    // Pages read through the same procedures (server/caller.ts), so they route the same way.
    const page = async (headers: Headers) => createCaller(await createContext({ db: t.db, replica, auth: t.auth, headers })).events.byId({ id }).then(() => "found", () => "missing");
    expect(await page(withCookie(admin, wrote))).toBe("found");
    expect(await page(admin)).toBe("missing");
  });

  it("fills the sectors cache from the primary, which announces the changes, not from a lagging replica", async () => {
    await createAgreement(t.db, { title: "Sector only the primary has", sectors: ["zz-primary-only"] });
    expect(await agreementSectors({ db: replica, cache: sectorsCacheWith(() => undefined) })).toContain("zz-primary-only");
  });

  it("runs every query procedure on the read-only replica without a failure: none of them writes", async () => {
    for (const { path, inputs } of allProcedures().filter((p) => p.kind === "query")) {
      await fc.assert(
        fc.asyncProperty(inputsFor(inputs), async (input) => {
          const response = await api(t.trpcRequest(path, input, { method: "GET", headers: admin }));
          expect(response.status, `${path}(${JSON.stringify(input)?.slice(0, 200)}): ${(await response.text()).slice(0, 300)}`).toBeLessThan(500);
        }),
        { numRuns: 6 },
      );
    }
  });
});
