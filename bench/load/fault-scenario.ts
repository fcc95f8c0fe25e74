// The fault scenario shared by the CI test (server/outage.faults.test.ts) and `npm run bench:faults`:
// the production server under light load plus an admin writing events, then
//   1. PostgreSQL stopped (fast shutdown) mid-load and started again on the same data and port;
//   2. the app process killed (SIGKILL) mid-load and started again.
// It measures; the callers assert or print.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";
import { seed } from "../../prisma/seed";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrate";
import { startAdminWriter, type AdminWriter, type WriteAttempt } from "./admin-writer";
import { signIn, sleep, startAppServer, trpcQueryPath, type AppServer } from "./app-server";

export interface Sample {
  route: string;
  /** When the request was sent and when it ended, epoch ms. */
  sent: number;
  ended: number;
  status: number;
}

export interface FaultOptions {
  appPort: number;
  /** Concurrent reader loops. */
  readers: number;
  /** How long PostgreSQL stays down. */
  outageMs: number;
  /** Load before each fault and after recovery. */
  steadyMs: number;
  writeEveryMs: number;
  log?: (line: string) => void;
}

export interface Phase {
  samples: Sample[];
  writes: WriteAttempt[];
  /** Acknowledged ids missing from the database afterwards (must be none). */
  lostWrites: string[];
  acknowledged: number;
  serverAlive: boolean;
}

export interface FaultReport {
  /** stopDoneAt: PostgreSQL has exited; restartingAt: it is being started again; restartedAt: it accepts connections. */
  outage: Phase & { stoppedAt: number; stopDoneAt: number; restartingAt: number; restartedAt: number; recoveryMs: number; signInDuringOutage: { status: number; ms: number; body: string }; signOutDuringOutage: { status: number; ms: number; body: string } };
  crash: Phase & { killedAt: number; restartedAt: number; restartMs: number; servesAfterRestart: boolean };
}

const ROUTES = [
  { route: "relations.summary", path: trpcQueryPath("relations.summary", {}) },
  { route: "agreements.list", path: trpcQueryPath("agreements.list", { filters: { q: "security" }, limit: 20 }) },
  { route: "views.list", path: trpcQueryPath("views.list") },
  { route: "page /", path: "/" },
] as const;

/** Each route asked `rounds` times in turn, unmeasured: every instance has served each once before the clock starts. */
export async function warmUp(origin: string, cookie: string, rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    for (const { path: url } of ROUTES) await fetch(`${origin}${url}`, { headers: { cookie }, redirect: "manual" }).then((r) => r.arrayBuffer(), () => undefined);
  }
}

export function startReaders(count: number, server: () => AppServer, cookie: string) {
  const samples: Sample[] = [];
  const state = { running: true }; // read by the loops, cleared by stop()
  const loops = Array.from({ length: count }, async (_, i) => {
    for (let n = i; state.running; n++) {
      const { route, path: url } = ROUTES[n % ROUTES.length] ?? ROUTES[0];
      const sent = Date.now();
      // A request that hangs past 10 s counts as status 0: the fail-fast promise is broken.
      const status = await fetch(`${server().origin}${url}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(10_000) })
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 0);
      samples.push({ route, sent, ended: Date.now(), status });
      // Refused connections return at once; do not spin on them.
      if (status === 0) await sleep(50);
    }
  });
  return { samples, stop: async () => ((state.running = false), await Promise.all(loops)) };
}

export async function missingIds(databaseUrl: string, ids: string[]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query<{ id: string }>(`SELECT id FROM "Event" WHERE id = ANY($1::text[])`, [ids]);
    const present = new Set(found.rows.map((r) => r.id));
    return ids.filter((id) => !present.has(id));
  } finally {
    await client.end();
  }
}

/**
 * A phase of the scenario: `ms` of load, and then as long as it takes (at most 30 s) until
 * `enough()` — a phase measured by the clock alone holds too little to check on a busy machine.
 */
async function phase(ms: number, enough: () => boolean): Promise<void> {
  await sleep(ms);
  const deadline = Date.now() + 30_000;
  while (!enough() && Date.now() < deadline) await sleep(50);
}

/**
 * A steady phase lasts until the writer has `writes` more writes acknowledged than when it began:
 * by the clock alone it held 5 writes on a slow start and 10 on a quick one, and what a fault
 * must not lose has to be there first.
 */
function steady(writer: AdminWriter, steadyMs: number, writes = 3): Promise<void> {
  const before = writer.acknowledged.length;
  return phase(steadyMs, () => writer.acknowledged.length - before >= writes);
}

/**
 * The outage lasts until the readers have had 12 API calls and 2 pages answered since PostgreSQL
 * stopped, so what users are told during it is checked on enough answers (a clean-clone CI beside
 * other work once saw 5 API calls and no page in 4 s).
 */
function holdOutage(readers: { samples: Sample[] }, since: number, outageMs: number): Promise<void> {
  const answered = (api: boolean) => readers.samples.filter((s) => s.sent >= since && s.route.startsWith("page ") !== api).length;
  return phase(outageMs, () => answered(true) >= 12 && answered(false) >= 2);
}

/** Time until a signed-in API call answers 200 again, polled every 100 ms. */
async function untilServing(origin: string, cookie: string, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(`${origin}${ROUTES[0].path}`, { headers: { cookie }, signal: AbortSignal.timeout(3_000) }).then((r) => r.ok, () => false);
    if (ok) return Date.now() - started;
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}

/** A migrated, seeded PostgreSQL of the scenario's own, in a temp folder it can be restarted from. */
export async function faultDatabase(log: (line: string) => void) {
  const folder = await mkdtemp(path.join(tmpdir(), "maghreb-faults-"));
  await chmod(folder, 0o755); // as root the server runs as `postgres`, who must enter it
  const dataDir = path.join(folder, "data");
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: true, log });
  await cluster.createDatabase("maghreb_faults");
  const databaseUrl = cluster.url("maghreb_faults");
  const removeFolder = () => rm(folder, { recursive: true, force: true });
  try {
    await applyMigrations(databaseUrl);
    await seed({ databaseUrl, demoUsers: true, log: () => undefined });
  } catch (e) {
    await cluster.stop();
    await removeFolder();
    throw e;
  }
  return { cluster, dataDir, databaseUrl, port: Number(new URL(cluster.url("postgres")).port), removeFolder };
}

export async function runFaultScenario(options: FaultOptions): Promise<FaultReport> {
  const log = options.log ?? (() => undefined);
  const database = await faultDatabase(log);
  const { dataDir, databaseUrl, port } = database;
  let cluster: EmbeddedCluster | undefined = database.cluster;
  const authSecret = randomBytes(32).toString("base64");
  let server: AppServer | undefined;
  try {
    server = await startAppServer({ databaseUrl, port: options.appPort, authSecret });
    const admin = await signIn(server.origin, "admin@example.com", DEMO_PASSWORD);
    const analyst = await signIn(server.origin, "analyst@example.com", DEMO_PASSWORD);
    const signingOut = await signIn(server.origin, "outsider@example.com", DEMO_PASSWORD);
    const current = () => {
      if (!server) throw new Error("no server");
      return server;
    };

    // 1. PostgreSQL stops under load, then comes back on the same data and port.
    log(`outage: ${options.readers} readers and one admin writing every ${options.writeEveryMs} ms; stopping PostgreSQL in ${options.steadyMs} ms`);
    let readers = startReaders(options.readers, current, analyst);
    let writer = startAdminWriter({ origin: () => current().origin, cookie: () => admin, everyMs: options.writeEveryMs, label: "outage" });
    await steady(writer, options.steadyMs);
    const stoppedAt = Date.now();
    await cluster.stop();
    cluster = undefined;
    const stopDoneAt = Date.now();
    log(`PostgreSQL stopped in ${stopDoneAt - stoppedAt} ms; down for ${options.outageMs} ms`);
    const signInStarted = performance.now();
    const signInResponse = await fetch(`${current().origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: current().origin },
      body: JSON.stringify({ email: "analyst2@example.com", password: DEMO_PASSWORD }),
      signal: AbortSignal.timeout(10_000),
    });
    const signInDuringOutage = { status: signInResponse.status, body: await signInResponse.text(), ms: performance.now() - signInStarted };
    const signOutStarted = performance.now();
    const signOutResponse = await fetch(`${current().origin}/api/auth/sign-out`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: signingOut, origin: current().origin },
      body: "{}",
      signal: AbortSignal.timeout(10_000),
    });
    const signOutDuringOutage = { status: signOutResponse.status, body: await signOutResponse.text(), ms: performance.now() - signOutStarted };
    await holdOutage(readers, stopDoneAt, Math.max(0, options.outageMs - signInDuringOutage.ms - signOutDuringOutage.ms));
    const restartingAt = Date.now();
    cluster = await startEmbeddedPostgres({ dataDir, port, persistent: true, log });
    const restartedAt = Date.now();
    const recoveryMs = await untilServing(current().origin, analyst);
    log(`PostgreSQL back after ${restartedAt - stopDoneAt} ms; the app answered again ${recoveryMs} ms later`);
    await steady(writer, options.steadyMs);
    await Promise.all([readers.stop(), writer.stop()]);
    const outage = {
      samples: readers.samples,
      writes: writer.attempts,
      acknowledged: writer.acknowledged.length,
      lostWrites: await missingIds(databaseUrl, writer.acknowledged),
      serverAlive: current().alive(),
      stoppedAt,
      stopDoneAt,
      restartingAt,
      restartedAt,
      recoveryMs,
      signInDuringOutage,
      signOutDuringOutage,
    };

    // 2. The app process dies under load (SIGKILL: no shutdown hooks run) and is started again.
    log("crash: killing the app process under load");
    readers = startReaders(options.readers, current, analyst);
    writer = startAdminWriter({ origin: () => current().origin, cookie: () => admin, everyMs: options.writeEveryMs, label: "crash" });
    await steady(writer, options.steadyMs);
    const killedAt = Date.now();
    await current().kill();
    server = await startAppServer({ databaseUrl, port: options.appPort, authSecret });
    const restartedAppAt = Date.now();
    log(`app killed and started again in ${restartedAppAt - killedAt} ms`);
    // Sessions live in PostgreSQL: the same cookies work on the new process.
    const servesAfterRestart = (await untilServing(server.origin, analyst, 5_000)) < 5_000;
    await steady(writer, options.steadyMs);
    await Promise.all([readers.stop(), writer.stop()]);
    const crash = {
      samples: readers.samples,
      writes: writer.attempts,
      acknowledged: writer.acknowledged.length,
      lostWrites: await missingIds(databaseUrl, writer.acknowledged),
      serverAlive: server.alive(),
      killedAt,
      restartedAt: restartedAppAt,
      restartMs: restartedAppAt - killedAt,
      servesAfterRestart,
    };
    return { outage, crash };
  } finally {
    await server?.stop();
    await cluster?.stop();
    await database.removeFolder();
  }
}

/** Requests that began and ended while PostgreSQL was down (after its stop completed, before its restart began). */
export function duringOutage(report: FaultReport["outage"]): Sample[] {
  return report.samples.filter((s) => s.sent >= report.stopDoneAt && s.ended < report.restartingAt);
}
