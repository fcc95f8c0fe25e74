// Applies pending migrations, as `prisma migrate deploy` would, offline.
import { NO_FILTER, openSchemaEngine, readMigrations } from "./schema-engine";

/** Applies pending migrations; `only` limits them to those names (a restore matches its backup's schema). */
export async function applyMigrations(databaseUrl: string, options: { only?: readonly string[] } = {}): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const migrationsList = await readMigrations();
    const { only } = options;
    if (only) migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((m) => only.includes(m.path));
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
