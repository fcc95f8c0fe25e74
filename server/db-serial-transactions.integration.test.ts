// A transaction's statements reach its one connection one at a time: Prisma loads a select's
// relations as parallel queries, which node-postgres would queue on that connection with a
// deprecation warning (and pg@9 will refuse).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";

describe("transactions", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  beforeEach(() => {
    warnings.length = 0;
    process.on("warning", onWarning);
  });
  afterEach(() => {
    process.off("warning", onWarning);
  });

  it("read several relations of many rows inside one transaction without two statements at once", async () => {
    const agreements = await db.$transaction((tx) =>
      tx.agreement.findMany({
        take: 20,
        orderBy: { id: "asc" },
        select: { id: true, parties: { select: { name: true } }, sources: { select: { url: true } }, statusHistory: { select: { status: true } }, amounts: { select: { amount: true } } },
      }),
    );
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(agreements.length).toBeGreaterThan(5);
    expect(agreements.every((a) => a.parties.length > 0 && a.statusHistory.length > 0)).toBe(true);
    expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
  });

  it("still roll back as a whole when a statement fails", async () => {
    const before = await db.team.count();
    const failed = await db
      .$transaction(async (tx) => {
        await tx.team.create({ data: { name: "Rolled back desk" } });
        await tx.team.create({ data: { name: "Rolled back desk" } }); // unique name: fails
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await db.team.count()).toBe(before);
  });
});
