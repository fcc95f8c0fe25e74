// Several instances under load, one killed (server/instances.faults.test.ts): the production
// server with `--instances N`, readers and an admin writing events, then SIGKILL to one
// instance — a crash or an OOM kill. The others must keep answering while the primary starts a
// replacement, and every write the server acknowledged must be in the database.
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";
import { startAdminWriter, type WriteAttempt } from "./admin-writer";
import { signIn, sleep, startAppServer, type AppServer } from "./app-server";
import { faultDatabase, missingIds, startReaders, warmUp, type Sample } from "./fault-scenario";

export interface InstanceKillReport {
  instances: number;
  samples: Sample[];
  writes: WriteAttempt[];
  acknowledged: number;
  lostWrites: string[];
  killedAt: number;
  /** When the replacement was serving beside the others (it said it was ready), or null. */
  replacedAt: number | null;
  victim: number;
  instancesBefore: number[];
  instancesAfter: number[];
  serverAlive: boolean;
}

export async function runInstanceKillScenario(options: { appPort: number; instances: number; readers: number; steadyMs: number; writeEveryMs: number; log?: (line: string) => void }): Promise<InstanceKillReport> {
  const log = options.log ?? (() => undefined);
  const database = await faultDatabase(log);
  let server: AppServer | undefined;
  try {
    // Each instance says "Ready on … (instance n, pid p)" once it listens (scripts/serve.ts).
    const ready = new Set<number>();
    const output = (text: string) => {
      for (const match of text.matchAll(/Ready on \S+ \(instance \d+, pid (\d+)\)/g)) ready.add(Number(match[1]));
    };
    server = await startAppServer({ databaseUrl: database.databaseUrl, port: options.appPort, instances: options.instances, authSecret: randomBytes(32).toString("base64"), log: output });
    const running = server;
    const admin = await signIn(running.origin, "admin@example.com", DEMO_PASSWORD);
    const analyst = await signIn(running.origin, "analyst@example.com", DEMO_PASSWORD);
    const instancesBefore = running.instancePids();
    await warmUp(running.origin, analyst, 2 * options.instances);

    log(`${instancesBefore.length} instances, ${options.readers} readers and one admin writing every ${options.writeEveryMs} ms; killing one in ${options.steadyMs} ms`);
    const readers = startReaders(options.readers, () => running, analyst);
    const writer = startAdminWriter({ origin: () => running.origin, cookie: () => admin, everyMs: options.writeEveryMs, label: "instance kill" });
    await sleep(options.steadyMs);
    const victim = instancesBefore[0] ?? 0;
    const killedAt = Date.now();
    process.kill(victim, "SIGKILL");
    let replacedAt: number | null = null;
    while (Date.now() - killedAt < 60_000) {
      const now = running.instancePids();
      if (now.length === instancesBefore.length && !now.includes(victim) && now.every((pid) => ready.has(pid))) {
        replacedAt = Date.now();
        break;
      }
      await sleep(100);
    }
    log(`instance ${victim} killed; replaced after ${replacedAt === null ? "—" : `${replacedAt - killedAt} ms`}`);
    await sleep(options.steadyMs);
    await Promise.all([readers.stop(), writer.stop()]);
    return {
      instances: options.instances,
      samples: readers.samples,
      writes: writer.attempts,
      acknowledged: writer.acknowledged.length,
      lostWrites: await missingIds(database.databaseUrl, writer.acknowledged),
      killedAt,
      replacedAt,
      victim,
      instancesBefore,
      instancesAfter: running.instancePids(),
      serverAlive: running.alive(),
    };
  } finally {
    await server?.stop();
    await database.cluster.stop();
    await database.removeFolder();
  }
}
