// Several instances under load (`npm start -- --instances 2`), against the production build (run
// after `next build`; `npm test` does): one instance killed mid-load. The others keep answering,
// the primary starts a replacement, and no write the server acknowledged is lost.
import { beforeAll, describe, expect, it } from "vitest";
import { runInstanceKillScenario, type InstanceKillReport } from "@/bench/load/instance-scenario";

describe("one of two instances killed under load", () => {
  let report: InstanceKillReport;
  beforeAll(async () => {
    report = await runInstanceKillScenario({ appPort: Number(process.env.FAULTS_PORT ?? 3392), instances: 2, readers: 4, steadyMs: 4_000, writeEveryMs: 250 });
  }, 150_000);

  it("started two instances on one port, and replaced the killed one while the server stayed up", () => {
    expect(report.instancesBefore).toHaveLength(2);
    expect(report.replacedAt).not.toBeNull();
    expect(report.instancesAfter).toHaveLength(2);
    expect(report.instancesAfter).not.toContain(report.victim);
    expect(report.serverAlive).toBe(true);
  });

  it("kept answering while the replacement started: only requests in flight on the killed instance failed", () => {
    const before = report.samples.filter((s) => s.ended < report.killedAt);
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((s) => s.status !== 200)).toEqual([]);
    // Sent a moment after the kill, while only the survivor served (the replacement takes seconds to start).
    const replacedAt = report.replacedAt ?? Number.POSITIVE_INFINITY;
    const meanwhile = report.samples.filter((s) => s.sent > report.killedAt + 250 && s.sent < replacedAt);
    expect(meanwhile.length).toBeGreaterThan(10);
    expect(meanwhile.filter((s) => s.status !== 200)).toEqual([]);
    const after = report.samples.filter((s) => s.sent > replacedAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((s) => s.status !== 200)).toEqual([]);
    // At most one request per reader was on the killed instance.
    expect(report.samples.filter((s) => s.status !== 200).length).toBeLessThanOrEqual(4);
  });

  it("keeps every write acknowledged before, during and after the kill", () => {
    expect(report.acknowledged).toBeGreaterThan(10);
    expect(report.lostWrites).toEqual([]);
    const refused = report.writes.filter((w) => w.status !== 200);
    expect(refused.length).toBeLessThanOrEqual(1); // the one in flight on the killed instance, if any
  });
});
