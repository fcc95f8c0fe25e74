// Applies pending migrations, as `prisma migrate deploy` would, offline.
import { NO_FILTER, openSchemaEngine, readMigrations } from "./schema-engine";

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: NO_FILTER,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
