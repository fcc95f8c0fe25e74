// The integration run's template databases, made once by its global setup: migrated, seeded, and
// seeded with the demo users. Each test file then gets a copy of the one it asks for
// (scripts/test/database.ts) instead of migrating and seeding its own, the setup most files repeat.
import { seedWith } from "@/prisma/seed";
import { createPrismaClient } from "@/server/db-client";
import { createThrowawayDatabase, databaseNameOf, type ThrowawayDatabase } from "../db/throwaway";

export interface TestTemplates {
  migrated: string;
  seeded: string;
  seededWithDemoUsers: string;
}

/** Seeds `database`, then disconnects: a template may have no one connected when it is copied. */
async function seeded(database: ThrowawayDatabase, demoUsers: boolean): Promise<ThrowawayDatabase> {
  const db = createPrismaClient(database.url, { poolSize: 2 });
  try {
    await seedWith(db, demoUsers, () => undefined);
  } finally {
    await db.$disconnect();
  }
  return database;
}

export async function createTestTemplates(serverUrl: string): Promise<{ templates: TestTemplates; dispose(): Promise<void> }> {
  const migrated = await createThrowawayDatabase(serverUrl, "maghreb_template");
  const copies = await Promise.all([false, true].map((demo) => createThrowawayDatabase(serverUrl, "maghreb_template", databaseNameOf(migrated.url)).then((d) => seeded(d, demo))));
  const [seededPlain, seededDemo] = copies as [ThrowawayDatabase, ThrowawayDatabase];
  return {
    templates: { migrated: databaseNameOf(migrated.url), seeded: databaseNameOf(seededPlain.url), seededWithDemoUsers: databaseNameOf(seededDemo.url) },
    dispose: async () => {
      for (const database of [migrated, seededPlain, seededDemo]) await database.dispose();
    },
  };
}
