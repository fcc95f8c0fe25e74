// npm run ingest:gdelt -- --from 2025-01-01 --to 2025-01-31   (export files from GDELT_BASE_URL)
// npm run ingest:gdelt -- --files DIR                          (local export files, zipped or not)
// Against DATABASE_URL or the embedded server, like the db:* scripts. Safe to rerun: files read
// before are skipped, and each file is stored whole or not at all.
import { createPrismaClient } from "../server/db-client";
import { parseEnv } from "../server/env";
import { backfillDays, backfillFolder, type BackfillResult } from "../server/ingest/gdelt/backfill";
import { autoAcceptAfter } from "../server/ingest/gdelt/job";
import { openDatabase } from "./db/connection";
import { applyMigrations } from "./db/migrate";

const USAGE = "Usage: npm run ingest:gdelt -- --from YYYY-MM-DD --to YYYY-MM-DD | --files DIR";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Request = { kind: "days"; from: string; to: string } | { kind: "folder"; dir: string };

function requestOf(args: string[]): Request {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i === -1 ? undefined : args[i + 1];
  };
  const dir = value("--files");
  if (dir) return { kind: "folder", dir };
  const from = value("--from");
  const to = value("--to") ?? from;
  if (!from || !to) throw new Error(USAGE);
  for (const day of [from, to]) if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`${day} is not a YYYY-MM-DD day. ${USAGE}`);
  if (from > to) throw new Error(`--from ${from} is after --to ${to}`);
  return { kind: "days", from, to };
}

async function main(): Promise<void> {
  const request = requestOf(process.argv.slice(2));
  const env = parseEnv(process.env);
  const database = await openDatabase({ log: console.log });
  const db = createPrismaClient(database.url, { poolSize: 2 });
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort(new Error("interrupted: files stored so far are kept, run the command again to go on")));
  try {
    await applyMigrations(database.url);
    if ((await db.dyad.count({ where: { tracked: true } })) === 0) throw new Error("The database has no tracked dyads: run npm run db:seed (or npm start once) first.");
    const started = performance.now();
    const common = { db, baseUrl: env.GDELT_BASE_URL, countries: env.GDELT_COUNTRIES, signal: controller.signal, log: console.log, afterFile: autoAcceptAfter(db, console.log) };
    const result: BackfillResult = request.kind === "folder" ? await backfillFolder({ ...common, dir: request.dir }) : await backfillDays({ ...common, ...request });
    const read = result.files.reduce((sum, f) => sum + f.read, 0);
    const kept = result.files.reduce((sum, f) => sum + f.kept, 0);
    const seconds = (performance.now() - started) / 1000;
    console.log(`Done: ${result.files.length} files read (${result.skipped} read before), ${read.toLocaleString("en")} rows, ${kept.toLocaleString("en")} kept, in ${seconds.toFixed(1)} s.`);
  } finally {
    await db.$disconnect();
    await database.release();
  }
}

main().catch((error: unknown) => {
  console.error(`GDELT backfill failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
