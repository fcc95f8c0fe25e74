// For integration tests: a migrated (and, when asked, seeded) database of the test's own.
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/server/db-client";
import { seedWith } from "@/prisma/seed";
import { createThrowawayDatabase } from "../db/throwaway";

export async function useTestDatabase(options: { seed?: boolean; demoUsers?: boolean } = {}): Promise<{ url: string; db: Db }> {
  const database = await createThrowawayDatabase(inject("pgServerUrl"));
  const db = createPrismaClient(database.url, { poolSize: 4 });
  afterAll(async () => {
    await db.$disconnect();
    await database.dispose();
  });
  if (options.seed) await seedWith(db, options.demoUsers ?? false, () => undefined);
  return { url: database.url, db };
}

/** Who integration tests read as: any signed-in user may read; sessions are tested in server/auth. */
export const TEST_READER = { id: "u-reader", name: "Reader", email: "reader@example.com", role: "analyst" } as const;
