// schema.prisma, prisma/migrations and a migrated database must say the same thing: a field
// added to the schema without a migration, or a table, column, enum value or index changed
// in the database by hand, fails here with the SQL that would reconcile them.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { databaseDrift, pendingSchemaChanges } from "@/scripts/db/diff";

describe("schema drift", async () => {
  const { url, db } = await useTestDatabase();

  it("prisma/migrations produce exactly schema.prisma", async () => {
    expect(await pendingSchemaChanges(url)).toBe("");
  });

  it("the migrated database matches schema.prisma", async () => {
    expect(await databaseDrift(url)).toBe("");
  });

  it("notices a database that differs from the schema on either side", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "Team" ADD COLUMN "stray" TEXT`);
    await db.$executeRawUnsafe(`DROP INDEX "Event_date_idx"`);
    await db.$executeRawUnsafe(`ALTER TYPE "AgreementStatus" ADD VALUE 'WITHDRAWN'`);
    const drift = await databaseDrift(url);
    expect(drift).toMatch(/DROP COLUMN\s+"stray"/);
    expect(drift).toContain(`CREATE INDEX "Event_date_idx"`);
    expect(drift).toMatch(/AgreementStatus/);
  });
});
