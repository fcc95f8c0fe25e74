import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { seedWith } from "./seed";
import { formatWithPrecision } from "@/server/method/day";

const quiet = () => undefined;
const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("seed", async () => {
  const { db } = await useTestDatabase();
  const first = await seedWith(db, true, quiet);

  it("loads the reference data, the history and the article's facts", () => {
    expect(first.created).toMatchObject({ countries: 8, dyads: 3, users: 5 });
    expect(first.created.events).toBeGreaterThanOrEqual(30);
    expect(first.created.agreements).toBeGreaterThanOrEqual(8);
    expect(first.created.conditions).toBeGreaterThanOrEqual(9);
  });

  it("is idempotent: a second run adds and changes nothing", async () => {
    const snapshot = () =>
      Promise.all([
        db.event.findMany({ orderBy: { id: "asc" }, include: { sources: true, agreements: true } }),
        db.agreement.findMany({ orderBy: { id: "asc" }, include: { parties: true, signatories: true, amounts: true, statusHistory: true, sources: true } }),
        db.condition.findMany({ orderBy: { id: "asc" } }),
        db.user.findMany({ orderBy: { id: "asc" } }),
        db.membership.findMany({ orderBy: [{ teamId: "asc" }, { userId: "asc" }] }),
        db.country.findMany({ orderBy: { code: "asc" } }),
      ]);
    const before = await snapshot();
    const second = await seedWith(db, true, quiet);
    expect(Object.values(second.created).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("models Western Sahara as a disputed territory, not part of a neighbour", async () => {
    const esh = await db.country.findUniqueOrThrow({ where: { code: "ESH" } });
    expect(esh.status).toBe("DISPUTED_TERRITORY");
    expect(await db.dyad.findMany({ select: { key: true }, orderBy: { key: "asc" } })).toEqual([
      { key: "DZA-FRA" },
      { key: "DZA-MAR" },
      { key: "FRA-MAR" },
    ]);
  });

  it("keeps each date at the precision its source gives", async () => {
    const recognition = await db.event.findFirstOrThrow({ where: { cameoCode: "054", actorCode: "FRA", targetCode: "MAR" } });
    expect(formatWithPrecision(iso(recognition.date)!, recognition.datePrecision)).toBe("summer 2024");
    expect(iso(recognition.placementDate)).toBe("2024-07-16");
    expect(recognition.score).toBeCloseTo(7); // override +7 × head of state 1.0 × confirmed 1.0

    const expulsion = await db.event.findFirstOrThrow({ where: { actorCode: "DZA", targetCode: "FRA", date: new Date("2025-04-15") } });
    expect(expulsion.datePrecision).toBe("DAY");
    expect(expulsion.score).toBeLessThan(0);
  });

  it("records the 24 June 2025 security action plan with both signatories", async () => {
    const plan = await db.agreement.findFirstOrThrow({
      where: { kind: "ACTION_PLAN", date: new Date("2025-06-24") },
      include: { signatories: true },
    });
    expect(plan.status).toBe("SIGNED");
    expect(plan.placeName).toBe("Rabat");
    expect(plan.signatories.map((s) => s.name).sort()).toEqual(["Abdellatif Hammouchi", "Louis Lejay"]);
  });

  it("keeps money in the currency the source states", async () => {
    const accelerator = await db.agreement.findFirstOrThrow({
      where: { title: { contains: "Investment Accelerator" } },
      include: { amounts: true },
    });
    const byCurrency = Object.fromEntries(accelerator.amounts.map((m) => [m.currency, m]));
    expect(Number(byCurrency.MAD?.amount)).toBe(3_000_000_000);
    expect(byCurrency.MAD?.approximate).toBe(true);
    expect(Number(byCurrency.EUR?.amount)).toBe(300_000_000);

    const ports = await db.agreement.findFirstOrThrow({ where: { kind: "LOAN" }, include: { amounts: true, parties: true } });
    expect(ports.amounts.map((m) => [Number(m.amount), m.currency])).toEqual([[100_000_000, "EUR"]]);
    expect(ports.parties.map((p) => p.name).join(" ")).toMatch(/AFD/);
  });

  it("lists the royal state visit as anticipated, without a date", async () => {
    const visit = await db.agreement.findFirstOrThrow({ where: { status: "ANTICIPATED" }, include: { statusHistory: true } });
    expect(visit.title).toMatch(/Mohammed VI/);
    expect(visit.date).toBeNull();
    expect(visit.statusHistory.map((s) => s.status)).toEqual(["ANTICIPATED"]);
  });

  it("creates the demo accounts and teams, with hashed passwords", async () => {
    const analyst = await db.user.findUniqueOrThrow({
      where: { email: "analyst@example.com" },
      include: { memberships: { include: { team: true } } },
    });
    expect(analyst.role).toBe("analyst");
    expect(analyst.memberships.map((m) => m.team.name)).toEqual(["North Africa desk"]);
    const outsider = await db.user.findUniqueOrThrow({ where: { email: "outsider@example.com" }, include: { memberships: { include: { team: true } } } });
    expect(outsider.memberships.map((m) => m.team.name)).toEqual(["Sahel desk"]);
    const credential = await db.account.findFirstOrThrow({ where: { userId: analyst.id }, omit: { password: false } });
    expect(credential.password).toBeTruthy();
    expect(credential.accountId).toBe(analyst.id); // Better Auth finds credentials by user id
    expect(credential.password).not.toContain("maghreb-demo");
  });
});

describe("seed without demo users", async () => {
  const { db } = await useTestDatabase();

  it("creates no account against a server unless asked", async () => {
    await seedWith(db, false, quiet);
    expect(await db.user.count()).toBe(0);
    expect(await db.event.count()).toBeGreaterThan(0);
  });
});
