// What SQL would take the migrations folder, or a live database, to schema.prisma: the heart
// of `db:migrate:new` (write it down) and of the drift test (it must be empty).
import { readFile } from "node:fs/promises";
import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { NO_FILTER, SCHEMA_PATH, openSchemaEngine, readMigrations } from "./schema-engine";

async function diffToSchema(databaseUrl: string, from: (schema: string) => Promise<DiffTarget>): Promise<string> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const result = await engine.diff({
      from: await from(schema),
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await close();
  }
}

/** SQL the migrations lack to reach the schema (replayed on a throwaway shadow database); "" if none. */
export function pendingSchemaChanges(databaseUrl: string): Promise<string> {
  return diffToSchema(databaseUrl, async () => {
    const migrations = await readMigrations();
    // The engine needs migration_lock.toml to read a folder; with no migration yet, start empty.
    return migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" };
  });
}

/** SQL that would take the live database at databaseUrl to the schema; "" when they agree. */
export function databaseDrift(databaseUrl: string): Promise<string> {
  return diffToSchema(databaseUrl, async (schema) => ({
    tag: "schemaDatasource",
    files: [{ path: SCHEMA_PATH, content: schema }],
    configDir: process.cwd(),
  }));
}
