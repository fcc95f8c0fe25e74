// Ingestion end to end: GDELT publishes a new export file (a real stand-in on loopback, serving
// the real samples), one run of the GDELT job later its clusters wait in the review queue; running
// the job again adds nothing; the jobs page shows both runs. The app reads GDELT_BASE_URL from
// playwright.config.ts, which points at this spec's server.
import { expect, test } from "@playwright/test";
import { exportWithTrackedPairs, SAMPLE_SLOTS } from "../test/fixtures/gdelt";
import { startGdeltFixtureServer, type GdeltFixtureServer } from "../test/support/gdelt-server";
import { storageStateOf } from "./fixtures/auth";
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

  await page.goto("/admin/jobs");
  const job = page.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: "(gdelt)" });
  const gdeltRuns = page.getByRole("table", { name: "Recent runs, newest first" }).getByRole("row").filter({ hasText: "gdelt" });
  const manualRuns = gdeltRuns.filter({ hasText: "manual" });
  // The run that read the file: this one, or a scheduled one that came first (every 15 minutes).
  const readTheFile = gdeltRuns.filter({ hasText: new RegExp(`${rowsInFile} / [1-9]\\d*`) });
  await expect(job).toContainText("every 15 minutes");
  await job.getByRole("button", { name: "Run now: Read GDELT 2.0 events into the review queue" }).click();
  await expect(manualRuns.first()).toContainText("ok");
  await expect(readTheFile).toHaveCount(1);

  // France – Morocco: the file's real rows whose foreign actor was changed to a tracked one.
  await page.goto("/admin/review?dyad=FRA-MAR");
  const clusters = page.getByRole("table", { name: "Clusters waiting for review, newest first" }).getByRole("row").filter({ hasText: "France – Morocco" });
  await expect(clusters.first()).toBeVisible();
  await expect(clusters.first().getByRole("button", { name: /^Accept / })).toBeEnabled();
  const waiting = await clusters.count();

  await page.goto("/admin/jobs");
  await job.getByRole("button", { name: "Run now: Read GDELT 2.0 events into the review queue" }).click();
  await expect(manualRuns).toHaveCount(2);
  await expect(manualRuns.first()).toContainText("0 / 0");
  await expect(readTheFile).toHaveCount(1);
  await page.goto("/admin/review?dyad=FRA-MAR");
  await expect(clusters).toHaveCount(waiting);
  expect(gdelt.requests.filter((path) => path.endsWith(`${slot}.export.CSV.zip`))).toHaveLength(1);
});
