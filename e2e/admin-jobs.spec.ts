// /admin/jobs: an admin finds the jobs from the admin page, presses "Run now" on the maintenance
// job, and the page shows the manual run once the runner `npm start` started beside the app has
// done it.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { holdAppScripts } from "./fixtures/scripts";

test.use({ storageState: storageStateOf("admin") });

test("an admin runs the maintenance job now and sees the run recorded", async ({ page }) => {
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  const job = page.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: "(maintenance)" });
  await expect(job).toContainText("every hour, on the hour");

  await job.getByRole("button", { name: "Run now: Delete expired sessions, tokens and sign-in counters" }).click();
  await expect(job.getByText(/^ ?(Queued\.|A run is already waiting: nothing added\.)$/)).toBeVisible();
  // The page reloads its data while a run waits or runs.
  const manualRun = page.getByRole("table", { name: "Recent runs, newest first" }).getByRole("row").filter({ hasText: "manual" });
  await expect(manualRun.first()).toContainText("ok");
  await expect(job.getByRole("status").first()).toHaveText("Idle");
});

test("before the page's script has run, Run now is disabled rather than deaf, and answers once it has", async ({ page }) => {
  const release = await holdAppScripts(page);
  await page.goto("/admin/jobs", { waitUntil: "commit" }); // the held scripts hold the page's load events
  const job = page.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: "(maintenance)" });
  const runNow = job.getByRole("button", { name: "Run now: Delete expired sessions, tokens and sign-in counters" });
  await expect(runNow).toBeDisabled();
  release();
  await expect(runNow).toBeEnabled();
  await runNow.click();
  await expect(job.getByText(/^ ?(Queued\.|A run is already waiting: nothing added\.)$/)).toBeVisible();
});
