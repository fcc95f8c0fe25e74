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
    for (const call of [() => signedOut.relations.dyads(), () => signedOut.agreements.list({ limit: 3 }), () => signedOut.relations.summary()]) {
      const error = await call().catch((e: unknown) => e);
      expect(error instanceof TRPCError && error.code).toBe("UNAUTHORIZED");
    }
  });

  it("lists the tracked dyads, France's first, with readable labels", async () => {
    const dyads = await api.relations.dyads();
    expect(dyads.map((d) => d.key)).toEqual(["DZA-FRA", "FRA-MAR", "DZA-MAR"]);
    expect(dyads.map((d) => d.label)).toEqual(["France – Algeria", "France – Morocco", "Algeria – Morocco"]);
  });

  it("never shows an archived event as a dyad's latest", async () => {
    const lastEventTitle = async () => (await api.relations.summary({ dyads: ["DZA-MAR"] }))[0]?.lastEvent?.title;
    const latest = await db.event.findFirstOrThrow({ where: { dyad: { key: "DZA-MAR" } }, orderBy: { placementDate: "desc" } });
    expect(await lastEventTitle()).toBe(latest.title);
    await db.event.update({ where: { id: latest.id }, data: { archivedAt: new Date() } });
    const after = await lastEventTitle();
    await db.event.update({ where: { id: latest.id }, data: { archivedAt: null } });
    expect(after).not.toBe(latest.title);
  });

  it("lists the latest agreements newest first, undated anticipated ones last", async () => {
    const { items: agreements } = await api.agreements.list({ limit: 50 });
    const dates = agreements.map((a) => a.date?.getTime() ?? -Infinity);
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
    expect(agreements[0]?.kind).toBe("ACTION_PLAN");
    expect(agreements.at(-1)?.status).toBe("ANTICIPATED");
    expect((await api.agreements.list({ limit: 3 })).items).toHaveLength(3);
  });

  it("filters indicators and agreements by the dashboard's dyads and date range", async () => {
    const summary = await api.relations.summary({ dyads: ["FRA-MAR"], asOf: "2025-12-31" });
    expect(summary.map((d) => d.key)).toEqual(["FRA-MAR"]);
    const { items } = await api.agreements.list({ limit: 50, filters: { dyads: ["FRA-MAR"], from: "2025-01-01", to: "2025-12-31" } });
    expect(items.length).toBeGreaterThan(0);
    for (const a of items) expect(a.date?.toISOString().slice(0, 4)).toBe("2025");
    expect((await api.agreements.list({ limit: 50, filters: { dyads: ["DZA-MAR"], from: "2025-01-01" } })).items).toEqual([]);
  });

  it("refuses a date range that ends before it starts, on the end date", async () => {
    const error = await api.agreements.list({ filters: { from: "2025-02-01", to: "2025-01-01" } }).catch((e: unknown) => e);
    expect(error instanceof TRPCError && error.code).toBe("BAD_REQUEST");
  });

  it("refuses a bad page size with a reason, not a server error", async () => {
    for (const limit of [0, 51, 2.5]) {
      const error = await api.agreements.list({ limit }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
  });
});
