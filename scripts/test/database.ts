// For integration tests: a migrated (and, when asked, seeded) database of the test's own, copied
// from the run's templates (./templates.ts).
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/server/db-client";
import { createThrowawayDatabase } from "../db/throwaway";

export async function useTestDatabase(options: { seed?: boolean; demoUsers?: boolean } = {}): Promise<{ url: string; db: Db }> {
  const templates = inject("testTemplates");
  const template = !options.seed ? templates.migrated : options.demoUsers ? templates.seededWithDemoUsers : templates.seeded;
  const database = await createThrowawayDatabase(inject("pgServerUrl"), undefined, template);
  const db = createPrismaClient(database.url, { poolSize: 4 });
  afterAll(async () => {
    await db.$disconnect();
    await database.dispose();
  });
  return { url: database.url, db };
}

/** Who integration tests read as: any signed-in user may read; sessions are tested in server/auth. */
export const TEST_READER = { id: "u-reader", name: "Reader", email: "reader@example.com", role: "analyst" } as const;
