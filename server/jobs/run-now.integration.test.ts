// "Run now" and the admin page's view, through the API: admins only, audited, queued through
// pg-boss and run by whichever runner is up.
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { maintenanceJob } from "./registry";
import { startJobRunner } from "./runner";

const TEST_ADMIN = { id: "u-admin", name: "Admin", email: "admin@example.com", role: "admin" } as const;

describe("jobs.runNow and jobs.list", async () => {
  const { url, db } = await useTestDatabase();
  await db.user.create({ data: TEST_ADMIN }); // the audit entry names its actor
  const admin = createCaller(createContextInner({ db, user: TEST_ADMIN }));
  const analyst = createCaller(createContextInner({ db, user: TEST_READER }));
  // Its cron falls due half an hour from now, never while the test runs: a run pg-boss's cron pass
  // added would be one more in the history than the test asked for.
  const quiet = { ...maintenanceJob, cron: `${(new Date().getUTCMinutes() + 30) % 60} * * * *` };
  const runner = (startupRuns = false) => startJobRunner({ databaseUrl: url, db, jobs: [quiet], log: () => undefined, pollingIntervalSeconds: 0.5, startupRuns });
  const jobAudits = () => db.auditLog.findMany({ where: { entityType: "Job" }, select: { actorId: true, action: true, entityId: true, after: true } });

  it("says so before any runner has started on the database, and shows no run yet", async () => {
    await expect(admin.jobs.runNow({ job: "maintenance" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/npm run worker/) });
    const { jobs, recent } = await admin.jobs.list();
    expect(recent).toEqual([]);
    expect(jobs.find((j) => j.name === "maintenance")).toMatchObject({ schedule: "every hour, on the hour", lastRun: null, running: false, waiting: null, enabled: true });
  });

  it("refuses analysts, and changes nothing", async () => {
    await (await runner()).stop(); // installs pg-boss and the queue
    await expect(analyst.jobs.runNow({ job: "maintenance" })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await expect(analyst.jobs.list()).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === "FORBIDDEN");
    expect(await jobAudits()).toEqual([]);
    expect((await admin.jobs.list()).jobs[0]?.waiting).toBeNull();
  });

  it("queues one manual run for an admin, audited; a second request while it waits adds nothing", async () => {
    await expect(admin.jobs.runNow({ job: "no-such-job" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await admin.jobs.runNow({ job: "maintenance" })).toEqual({ queued: true });
    expect(await admin.jobs.runNow({ job: "maintenance" })).toEqual({ queued: false });
    const audits = await jobAudits();
    expect(audits).toEqual([{ actorId: TEST_ADMIN.id, action: "CREATE", entityId: "maintenance", after: { trigger: "MANUAL", queueJobId: expect.any(String) } }]);
    expect((await admin.jobs.list()).jobs[0]?.waiting).toMatchObject({ retry: false, trigger: "MANUAL" });

    const running = await runner();
    try {
      await vi.waitFor(async () => expect((await admin.jobs.list()).recent[0]?.finishedAt).toBeTruthy(), { timeout: 30_000, interval: 100 });
    } finally {
      await running.stop();
    }
    const { jobs, recent } = await admin.jobs.list();
    expect(recent.map((r) => [r.job, r.trigger, r.ok])).toEqual([["maintenance", "MANUAL", true]]);
    expect(jobs[0]).toMatchObject({ waiting: null, running: false, lastRun: { trigger: "MANUAL", ok: true, rowsRead: 0, rowsKept: 0 } });
    expect(jobs[0]?.nextRunAt?.getUTCMinutes()).toBe(0);
  });

  // The page refreshes only while a job runs or waits. A run a worker had taken (active in pg-boss)
  // but not yet recorded used to read as neither, so the page stopped refreshing and never showed it.
  it("shows a run a worker has taken, before its run row is written, as running", async () => {
    expect(await admin.jobs.runNow({ job: "maintenance" })).toEqual({ queued: true });
    // What a worker's fetch does, without the worker: the queued job becomes active, no JobRun row yet.
    await db.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'active' WHERE name = 'maintenance' AND state = 'created'`);
    expect((await admin.jobs.list()).jobs[0]).toMatchObject({ running: true, waiting: null });
  });
});
