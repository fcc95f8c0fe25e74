// Ingestion end to end: GDELT publishes a new export file (a real stand-in on loopback, serving
// the real samples), one run of the GDELT job later its clusters wait in the review queue; running
// the job again adds nothing; the jobs page shows both runs. The app reads GDELT_BASE_URL from
// playwright.config.ts, which points at this spec's server.
import { expect, test } from "@playwright/test";
import { exportWithTrackedPairs, SAMPLE_SLOTS } from "../test/fixtures/gdelt";
import { startGdeltFixtureServer, type GdeltFixtureServer } from "../test/support/gdelt-server";
import { storageStateOf } from "./fixtures/auth";
import { withDatabase } from "./fixtures/database";
import { GDELT_PORT } from "./fixtures/ports";

test.use({ storageState: storageStateOf("admin") });

let gdelt: GdeltFixtureServer;
test.beforeAll(async () => {
  gdelt = await startGdeltFixtureServer({ port: GDELT_PORT });
});
test.afterAll(async () => {
  await gdelt.close();
});

test("a newly published GDELT file reaches the review queue after one job run, and reading it again adds nothing", async ({ page }) => {
  const slot = SAMPLE_SLOTS[0];
  const rowsInFile = exportWithTrackedPairs(slot).trimEnd().split("\n").length;
  gdelt.publish(slot);

  const job = page.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: "(gdelt)" });
  const gdeltRuns = page.getByRole("table", { name: "Recent runs, newest first" }).getByRole("row").filter({ hasText: "gdelt" });
  const readTheFile = gdeltRuns.filter({ hasText: new RegExp(`${rowsInFile} / [1-9]\\d*`) });
  // "Run now", then the page once a run of the job has finished since the click. The queue holds one
  // waiting run: when the schedule's run (every 15 minutes) is already waiting, the click adds none
  // and says so, and that run is the one that reads.
  async function runNow() {
    const since = await lastGdeltRunId();
    await page.goto("/admin/jobs");
    await expect(job).toContainText("every 15 minutes");
    await job.getByRole("button", { name: "Run now: Read GDELT 2.0 events into the review queue" }).click();
    await expect(job.getByText(/^ ?(Queued\.|A run is already waiting: nothing added\.)$/)).toBeVisible();
    await expect.poll(() => finishedGdeltRunsSince(since), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.reload();
  }

  await runNow();
  await expect(gdeltRuns.first()).toContainText("ok");
  await expect(readTheFile).toHaveCount(1);

  // France – Morocco: the file's real rows whose foreign actor was changed to a tracked one.
  await page.goto("/admin/review?dyad=FRA-MAR");
  const clusters = page.getByRole("table", { name: "Clusters waiting for review, newest first" }).getByRole("row").filter({ hasText: "France – Morocco" });
  await expect(clusters.first()).toBeVisible();
  await expect(clusters.first().getByRole("button", { name: /^Accept / })).toBeEnabled();
  const waiting = await clusters.count();

  await runNow();
  await expect(gdeltRuns.first()).toContainText("0 / 0");
  await expect(readTheFile).toHaveCount(1);
  await page.goto("/admin/review?dyad=FRA-MAR");
  await expect(clusters).toHaveCount(waiting);
  expect(gdelt.requests.filter((path) => path.endsWith(`${slot}.export.CSV.zip`))).toHaveLength(1);
});

const lastGdeltRunId = () => withDatabase(async (db) => (await db.jobRun.findFirst({ where: { job: "gdelt" }, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n);
const finishedGdeltRunsSince = (id: bigint) => withDatabase((db) => db.jobRun.count({ where: { job: "gdelt", id: { gt: id }, finishedAt: { not: null } } }));
