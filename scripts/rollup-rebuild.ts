// node --import tsx scripts/rollup-rebuild.ts [--version X]   (npm run rollup:rebuild once the lead adds it)
// Recomputes every dyad's daily index (table DyadDay) from its events and conditions under a
// published method version, the current one by default. Against DATABASE_URL or the embedded
// server, like the db:* scripts. The app keeps the table at its own version: rows of another
// version are rebuilt on its next read, so an older version is for a copy of the data.
import { parseArgs } from "node:util";
import { createPrismaClient } from "../server/db-client";
import { toDay } from "../server/method/day";
import { METHOD, METHOD_VERSIONS, methodRelease } from "../server/method/params";
import { rebuildRollups } from "../server/relations/rollup";
import { openDatabase } from "./db/connection";
import { applyMigrations } from "./db/migrate";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { version: { type: "string" } } });
  const version = values.version ?? METHOD.version;
  const release = methodRelease(version);
  if (!release) throw new Error(`No method version ${version}: published are ${METHOD_VERSIONS.map((r) => r.method.version).join(", ")}.`);
  const database = await openDatabase({ log: console.log });
  const db = createPrismaClient(database.url, { poolSize: 2 });
  try {
    await applyMigrations(database.url);
    const started = performance.now();
    const { dyads } = await rebuildRollups({ db, today: toDay(new Date()), method: release.method });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Rebuilt ${dyads} dyads under method ${version} (${release.released}) in ${seconds} s.`);
    if (version !== METHOD.version) console.log(`The app computes with ${METHOD.version}: it rebuilds these rows on its next read.`);
  } finally {
    await db.$disconnect();
    await database.release();
  }
}

main().catch((error: unknown) => {
  console.error(`Rollup rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
