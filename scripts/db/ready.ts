// Where `npm start` and `npm run worker` begin: DATABASE_URL's server or the embedded one, with
// every migration applied.
import { openDatabase, type Database } from "./connection";
import { applyMigrations } from "./migrate";

export async function openMigratedDatabase(options: {
  external: boolean;
  log: (line: string) => void;
  /** Checks to make once the server answers and before anything is written to it. */
  beforeMigrating?: (database: Database) => void;
}): Promise<Database> {
  const { log } = options;
  log(options.external ? "Using the PostgreSQL server in DATABASE_URL." : "Starting the embedded PostgreSQL (.data/postgres)…");
  const database = await openDatabase();
  try {
    options.beforeMigrating?.(database);
    const applied = await applyMigrations(database.url);
    log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
    return database;
  } catch (e) {
    await database.release();
    throw e;
  }
}
