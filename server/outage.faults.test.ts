// Faults under load, against the production build (run after `next build`; `npm test` does):
// PostgreSQL stopped and started again, then the app process killed and restarted. Users must
// get a quick, clear 503 rather than a hang or a crash, the app must recover by itself, and no
// write the server acknowledged may be lost.
import { beforeAll, describe, expect, it } from "vitest";
import { duringOutage, runFaultScenario, type FaultReport } from "@/bench/load/fault-scenario";

const isApi = (route: string) => !route.startsWith("page ");

describe("faults under load", () => {
  let report: FaultReport;
  beforeAll(async () => {
    report = await runFaultScenario({ appPort: Number(process.env.FAULTS_PORT ?? 3392), readers: 4, outageMs: 4_000, steadyMs: 2_500, writeEveryMs: 250 });
  }, 120_000);

  it("answers API calls during a database outage with a quick 503 that says why", () => {
    const down = duringOutage(report.outage);
    const api = down.filter((s) => isApi(s.route));
    expect(api.length).toBeGreaterThan(10);
    expect(api.filter((s) => s.status !== 503)).toEqual([]);
    expect(Math.max(...api.map((s) => s.ended - s.sent))).toBeLessThan(3_000);
    const refusedWrites = report.outage.writes.filter((w) => w.at - w.ms >= report.outage.stopDoneAt && w.at < report.outage.restartingAt);
    expect(refusedWrites.length).toBeGreaterThan(0);
    for (const write of refusedWrites) expect(write).toMatchObject({ status: 503, message: "The database is unavailable; try again shortly." });
  });

  it("refuses a sign-in, and a sign-out it could not complete, during the outage with a 503 that says why", () => {
    for (const { status, body, ms } of [report.outage.signInDuringOutage, report.outage.signOutDuringOutage]) {
      expect(status).toBe(503);
      expect(body).toContain("The database is unavailable; try again shortly.");
      expect(ms).toBeLessThan(3_000);
    }
  });

  it("shows pages as failed quickly during the outage, with 503 and never 500, never hanging, and the server stays up", () => {
    const pages = duringOutage(report.outage).filter((s) => !isApi(s.route));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((s) => s.status !== 503)).toEqual([]);
    expect(Math.max(...pages.map((s) => s.ended - s.sent))).toBeLessThan(3_000);
    expect(report.outage.serverAlive).toBe(true);
  });

  it("serves again within 5 s of the database's return, with no 500 from the API at any time", () => {
    expect(report.outage.recoveryMs).toBeLessThan(5_000);
    expect(report.outage.samples.filter((s) => isApi(s.route) && s.status >= 500 && s.status !== 503)).toEqual([]);
    const afterRecovery = report.outage.samples.filter((s) => s.sent > report.outage.restartedAt + report.outage.recoveryMs);
    expect(afterRecovery.length).toBeGreaterThan(0);
    expect(afterRecovery.filter((s) => s.status !== 200)).toEqual([]);
  });

  it("keeps every write acknowledged before, during and after the outage", () => {
    expect(report.outage.acknowledged).toBeGreaterThan(5);
    expect(report.outage.lostWrites).toEqual([]);
  });

  it("after the app process is killed under load, a restarted one serves the same sessions and keeps every acknowledged write", () => {
    expect(report.crash.servesAfterRestart).toBe(true);
    expect(report.crash.acknowledged).toBeGreaterThan(5);
    expect(report.crash.lostWrites).toEqual([]);
    const afterRestart = report.crash.samples.filter((s) => s.sent > report.crash.restartedAt);
    expect(afterRestart.filter((s) => s.status !== 200)).toEqual([]);
  });
});
