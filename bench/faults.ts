// `npm run bench:faults`: the fault scenario (bench/load/fault-scenario.ts) at a human pace —
// PostgreSQL stopped under load for 15 s, then the app killed — with every timing printed and
// written to bench/results/faults-<date>.json. CI runs a shorter version with assertions
// (server/outage.faults.test.ts).
// With --instances N (N > 1), then one of N instances killed under load (bench/load/instance-scenario.ts).
// Run: npm run bench:faults [-- --readers 8 --outage 15000 --instances 2]
import { writeFileSync } from "node:fs";
import os from "node:os";
import { resultsFile, summarize } from "./stats";
import { ensureBuilt } from "./load/app-server";
import { duringOutage, runFaultScenario, type Sample } from "./load/fault-scenario";
import { runInstanceKillScenario } from "./load/instance-scenario";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const log = (line: string) => console.log(`[faults] ${line}`);

function statuses(samples: { status: number }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return counts;
}

function latency(samples: Sample[]) {
  const t = summarize(samples.map((s) => s.ended - s.sent));
  return { n: t.runs, medianMs: t.medianMs, p95Ms: t.p95Ms, maxMs: Math.max(0, ...samples.map((s) => s.ended - s.sent)) };
}

async function main() {
  ensureBuilt(log);
  const load = `${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
  const report = await runFaultScenario({
    appPort: arg("port", Number(process.env.PORT ?? 3391)),
    readers: arg("readers", 8),
    outageMs: arg("outage", 15_000),
    steadyMs: arg("steady", 5_000),
    writeEveryMs: arg("write-every", 1_000),
    log,
  });
  const down = duringOutage(report.outage);
  const byRoute = Object.fromEntries([...new Set(down.map((s) => s.route))].map((route) => {
    const mine = down.filter((s) => s.route === route);
    return [route, { statuses: statuses(mine), ...latency(mine) }];
  }));
  const instances = arg("instances", 1);
  const kill =
    instances > 1
      ? await runInstanceKillScenario({ appPort: arg("port", Number(process.env.PORT ?? 3391)), instances, readers: arg("readers", 8), steadyMs: arg("steady", 5_000), writeEveryMs: arg("write-every", 1_000), log })
      : null;
  const summary = {
    machine: `${os.cpus()[0]?.model ?? "?"} · ${os.cpus().length} cores · Node ${process.version}`,
    loadAverageAtStart: load,
    outage: {
      stopMs: report.outage.stopDoneAt - report.outage.stoppedAt,
      downMs: report.outage.restartingAt - report.outage.stopDoneAt,
      startMs: report.outage.restartedAt - report.outage.restartingAt,
      recoveryMs: report.outage.recoveryMs,
      signInDuringOutage: { status: report.outage.signInDuringOutage.status, ms: Math.round(report.outage.signInDuringOutage.ms) },
      requestsDuringOutage: byRoute,
      statusesWholePhase: statuses(report.outage.samples),
      writes: statuses(report.outage.writes),
      acknowledged: report.outage.acknowledged,
      lostWrites: report.outage.lostWrites.length,
      serverAlive: report.outage.serverAlive,
    },
    crash: {
      restartMs: report.crash.restartMs,
      servesAfterRestart: report.crash.servesAfterRestart,
      statusesWholePhase: statuses(report.crash.samples),
      writes: statuses(report.crash.writes),
      acknowledged: report.crash.acknowledged,
      lostWrites: report.crash.lostWrites.length,
    },
    instanceKilled: kill && {
      instances: kill.instances,
      replacedMs: kill.replacedAt === null ? null : kill.replacedAt - kill.killedAt,
      statusesWholePhase: statuses(kill.samples),
      afterKill: latency(kill.samples.filter((s) => s.sent > kill.killedAt)),
      writes: statuses(kill.writes),
      acknowledged: kill.acknowledged,
      lostWrites: kill.lostWrites.length,
    },
  };
  console.log(JSON.stringify(summary, null, 2));
  const file = resultsFile("faults");
  writeFileSync(file, JSON.stringify(summary, null, 2));
  log(`results written to ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
