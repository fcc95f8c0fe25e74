// The first screen's API, through tRPC's server caller on a real, seeded database.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "./root";
import { createContextInner } from "./trpc";

describe("dashboard API", async () => {
  const { db } = await useTestDatabase({ seed: true });
  // Reading needs a signed-in user, of any role; sessions themselves are tested in server/auth.
  const api = createCaller(createContextInner({ db, user: { id: "u-reader", name: "Reader", email: "reader@example.com", role: "analyst" } }));

  it("answers nobody who is signed out", async () => {
    const signedOut = createCaller(createContextInner({ db }));
    for (const call of [() => signedOut.relations.dyads(), () => signedOut.agreements.latest({ limit: 3 })]) {
      const error = await call().catch((e: unknown) => e);
      expect(error instanceof TRPCError && error.code).toBe("UNAUTHORIZED");
    }
  });

  it("lists the tracked dyads with their event counts", async () => {
    const dyads = await api.relations.dyads();
    expect(dyads.map((d) => d.key)).toEqual(["DZA-FRA", "DZA-MAR", "FRA-MAR"]);
    const franceMorocco = dyads.find((d) => d.key === "FRA-MAR");
    expect(franceMorocco?.a.name).toBe("France");
    expect(franceMorocco?.eventCount).toBe(await db.event.count({ where: { dyad: { key: "FRA-MAR" } } }));
    expect(franceMorocco?.lastEvent?.date.toISOString().slice(0, 10)).toBe("2025-06-24");
  });

  it("leaves archived events out of the counts", async () => {
    const before = (await api.relations.dyads()).find((d) => d.key === "DZA-MAR")?.eventCount ?? 0;
    const event = await db.event.findFirstOrThrow({ where: { dyad: { key: "DZA-MAR" } } });
    await db.event.update({ where: { id: event.id }, data: { archivedAt: new Date() } });
    const after = (await api.relations.dyads()).find((d) => d.key === "DZA-MAR")?.eventCount;
    await db.event.update({ where: { id: event.id }, data: { archivedAt: null } });
    expect(after).toBe(before - 1);
  });

  it("lists the latest agreements newest first, undated anticipated ones last", async () => {
    const agreements = await api.agreements.latest({ limit: 50 });
    const dates = agreements.map((a) => a.date?.getTime() ?? -Infinity);
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
    expect(agreements[0]?.kind).toBe("ACTION_PLAN");
    expect(agreements.at(-1)?.status).toBe("ANTICIPATED");
    expect(await api.agreements.latest({ limit: 3 })).toHaveLength(3);
  });

  it("filters dyads and agreements by the dashboard's dyads and date range", async () => {
    const filter = { dyads: ["FRA-MAR"], from: "2025-01-01", to: "2025-12-31" };
    const [dyad] = await api.relations.dyads(filter);
    expect((await api.relations.dyads(filter)).map((d) => d.key)).toEqual(["FRA-MAR"]);
    const inRange = await db.event.count({ where: { dyad: { key: "FRA-MAR" }, archivedAt: null, date: { gte: new Date("2025-01-01"), lte: new Date("2025-12-31") } } });
    expect(dyad?.eventCount).toBe(inRange);
    expect(inRange).toBeLessThan(await db.event.count({ where: { dyad: { key: "FRA-MAR" } } }));

    const agreements = await api.agreements.latest({ limit: 50, ...filter });
    expect(agreements.length).toBeGreaterThan(0);
    for (const a of agreements) expect(a.date?.toISOString().slice(0, 4)).toBe("2025");
    expect(await api.agreements.latest({ limit: 50, dyads: ["DZA-MAR"], from: "2025-01-01", to: null })).toEqual([]);
  });

  it("refuses a date range that ends before it starts, on the end date", async () => {
    const error = await api.relations.dyads({ dyads: [], from: "2025-02-01", to: "2025-01-01" }).catch((e: unknown) => e);
    expect(error instanceof TRPCError && error.code).toBe("BAD_REQUEST");
  });

  it("refuses a bad page size with a reason, not a server error", async () => {
    for (const limit of [0, 51, 2.5]) {
      const error = await api.agreements.latest({ limit }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
  });
});
