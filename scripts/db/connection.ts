// Where the scripts find their database: DATABASE_URL when set, else the embedded server.
import { Client } from "pg";
import { startEmbeddedPostgres, type EmbeddedCluster } from "./embedded";

export const EMBEDDED_DATA_DIR = ".data/postgres";
export const EMBEDDED_DATABASE = "maghreb";
export const EMBEDDED_PORT = 54329;

export interface Database {
  url: string;
  embedded: boolean;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * Release stops the embedded server only when this process started it: one found already running
 * (`npm start` in another terminal, while `db:migrate`, `db:seed` or `db:backup` runs) stays up.
 */
export async function openDatabase(options: { log?: (line: string) => void } = {}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await assertReachable(external);
    return { url: external, embedded: false, release: async () => undefined };
  }
  const cluster: EmbeddedCluster = await startEmbeddedPostgres({
    dataDir: process.env.EMBEDDED_PG_DIR || EMBEDDED_DATA_DIR,
    port: Number(process.env.EMBEDDED_PG_PORT || EMBEDDED_PORT),
    persistent: true,
    log: options.log,
  });
  await cluster.createDatabase(EMBEDDED_DATABASE);
  const release = cluster.startedHere ? () => cluster.stop() : async () => undefined;
  return { url: cluster.url(EMBEDDED_DATABASE), embedded: true, release };
}

export class DatabaseUnreachableError extends Error {}

/** One clear line naming the server, instead of a driver stack trace. */
export async function assertReachable(url: string): Promise<void> {
  let where = "the server in DATABASE_URL";
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    throw new DatabaseUnreachableError("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new DatabaseUnreachableError(`Cannot reach PostgreSQL at ${where}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
