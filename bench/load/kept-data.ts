// `--keep-data`: the load scenario's data generated once into a template database on a cluster
// that outlives the run (.data/bench-load), and each run measuring a fresh copy of it. Generating
// takes minutes; a copy takes seconds, and the admin's writes of one run never reach the next.
import { Client } from "pg";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrate";
import type { LoadData } from "./data";

export const KEPT_DATA_DIR = ".data/bench-load";

async function onServer<T>(cluster: EmbeddedCluster, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: cluster.url("postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A template named for the data's shape and day (the synthetic dates are relative to today), so
 * a run with other sizes, or on another day, generates its own. Its LoadData rides in the
 * database's comment, written last: a template whose generation was cut short has none and is redone.
 */
export async function keptLoadDatabase(options: {
  shape: { events: number; agreements: number; analysts: number; today: number };
  build: (url: string) => Promise<LoadData>;
  log: (line: string) => void;
}): Promise<{ cluster: EmbeddedCluster; url: string; data: LoadData; dispose(): Promise<void> }> {
  const { events, agreements, analysts, today } = options.shape;
  const template = `maghreb_load_${events}_${agreements}_${analysts}_${today}`;
  const cluster = await startEmbeddedPostgres({ dataDir: KEPT_DATA_DIR, persistent: true, log: options.log });
  const kept = await onServer(cluster, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [template]);
    return rows[0] === undefined ? undefined : { comment: rows[0].comment };
  });
  let data: LoadData;
  if (kept?.comment) {
    data = { ...(JSON.parse(kept.comment) as LoadData), seconds: 0 };
    options.log(`reusing the data kept in ${KEPT_DATA_DIR} (${template})`);
  } else {
    if (kept) await cluster.dropDatabase(template);
    await onServer(cluster, (client) => client.query(`CREATE DATABASE "${template}"`));
    await applyMigrations(cluster.url(template));
    data = await options.build(cluster.url(template));
    await onServer(cluster, (client) => client.query(`COMMENT ON DATABASE "${template}" IS '${JSON.stringify(data).replaceAll("'", "''")}'`));
  }
  const run = `maghreb_load_run_${Date.now()}`;
  // FILE_COPY copies the folder as it is: seconds for a few GiB, where WAL_LOG would log every page.
  await onServer(cluster, (client) => client.query(`CREATE DATABASE "${run}" TEMPLATE "${template}" STRATEGY FILE_COPY`));
  const url = cluster.url(run);
  await applyMigrations(url);
  return { cluster, url, data, dispose: () => cluster.dropDatabase(run) };
}
