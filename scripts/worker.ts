// `npm run worker`: the background jobs alone (server/jobs/), against DATABASE_URL or the embedded
// database, as `npm start` would find it. `npm start` runs one beside the app with `--prepared`
// (it has opened and migrated the database already and passes DATABASE_URL).
import "./require-node";
import "./closed-output";
import exitHook from "async-exit-hook";
import { createPrismaClient, type Db } from "../server/db-client";
import { parseEnv } from "../server/env";
import { enabledJobs } from "../server/jobs/registry";
import { startJobRunner, type JobRunner } from "../server/jobs/runner";
import type { Database } from "./db/connection";
import { openMigratedDatabase } from "./db/ready";

function log(line: string) {
  console.log(`[jobs] ${line}`);
}

async function main(): Promise<void> {
  const settings = parseEnv(process.env);
  if (!settings.JOBS) {
    log("JOBS=0: no job runner.");
    return;
  }
  const prepared = process.argv.includes("--prepared") && settings.DATABASE_URL;
  let database: Database | undefined;
  let client: Db | undefined;
  let runner: JobRunner | undefined;
  // Ctrl-C, SIGTERM from npm start or a process manager: let a running job finish (10 s at most),
  // then close the connections and, if this process started it, the embedded server.
  exitHook((done) => {
    void (async () => {
      await runner?.stop();
      await client?.$disconnect();
      await database?.release();
    })()
      .catch((e: unknown) => console.error(`[jobs] ${e instanceof Error ? e.message : String(e)}`))
      .finally(done);
  });
  try {
    database = prepared
      ? { url: prepared, embedded: false, release: async () => undefined }
      : await openMigratedDatabase({ external: Boolean(settings.DATABASE_URL), log });
    client = createPrismaClient(database.url, { poolSize: 3 });
    runner = await startJobRunner({ databaseUrl: database.url, db: client, jobs: enabledJobs(settings), log });
  } catch (e) {
    console.error(`[jobs] ${e instanceof Error ? e.message : String(e)}`);
    await client?.$disconnect();
    await database?.release();
    process.exit(1);
  }
}

void main();
