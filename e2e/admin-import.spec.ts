// An admin imports events from a spreadsheet: the template, a dry run that finds the bad row,
// the import with its progress, the imported event on its page, and a re-import that changes nothing.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

/** Chooses a file once the field takes one: it waits for hydration, so the choice is not lost. */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  const field = page.getByLabel(/CSV file/);
  await expect(field).toBeEnabled();
  await field.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
}

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("template, dry run with a row error, import with progress, then a re-import that changes nothing", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Import events from CSV" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import events from CSV");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the template" }).click()]);
    expect(download.suggestedFilename()).toBe("events-import-template.csv");
    const template = await readFile(await download.path(), "utf8");
    expect(template).toContain("external_id,title,summary,date,date_precision,dyad");

    // Our own ids and titles, and dates in 2023, out of the ranges other specs look at.
    const stamp = `e2e-${Date.now()}`;
    const corrected = template
      .replaceAll("example-", `${stamp}-`)
      .replace("State visit of the French president to Rabat", `State visit to Rabat ${stamp}`)
      .replace(",2024-10-28,", ",2023-02-14,")
      .replace(",2024-08-01,", ",2023-05-01,");
    const withError = corrected.replace(",2023-05-01,", ",2023-02-30,");
    const check = page.getByRole("button", { name: "Check file" });

    await chooseFile(page, "events.csv", withError);
    await check.click();
    await expect(page.getByText(`Row 3 (${stamp}-2024-q3-consultations), column date: use a real date as YYYY-MM-DD`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Import 1 event" })).toBeDisabled();

    await chooseFile(page, "events.csv", corrected);
    await check.click();
    await expect(page.getByText("2 rows: 2 new, 0 changed, 0 unchanged.")).toBeVisible();
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
    await page.getByRole("button", { name: "Import 2 events" }).click();

    const done = page.getByRole("region", { name: "Import done" });
    await expect(done.getByText(/^2 new, 0 changed, 0 unchanged/)).toBeVisible();
    await expect(done.getByRole("progressbar")).toHaveAttribute("value", "1");
    await done.getByRole("link", { name: `State visit to Rabat ${stamp}` }).click();
    await expect(page).toHaveURL(/\/events\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`State visit to Rabat ${stamp}`);

    await page.goto("/admin/import");
    await chooseFile(page, "events.csv", corrected);
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByText("2 rows: 0 new, 0 changed, 2 unchanged.")).toBeVisible();
    await expect(page.getByText("Nothing to import: every row matches what is stored.")).toBeVisible();
  });
});

test.describe("submitted for review", () => {
  test.use({ storageState: storageStateOf("admin") });

  // This server publishes directly (REVIEW_REQUIRED=0), where "Submit for review" is offered beside
  // "Import", as on the record forms; with REVIEW_REQUIRED=1 it is the only button.
  test("an import submitted for review makes a draft per row, tagged with its file; nothing is published until another admin publishes one", async ({ page, browser, baseURL }) => {
    const stamp = `e2e-review-${Date.now()}`;
    const header = "external_id,title,date,date_precision,dyad,actor,target,cameo_code,level,verification";
    const csv = [header, `${stamp}-1,Consultations in Algiers ${stamp},2023-03-01,DAY,DZA-FRA,DZA,FRA,046,MINISTER,CONFIRMED`, `${stamp}-2,Talks in Rabat ${stamp},2023-03-02,DAY,FRA-MAR,FRA,MAR,046,MINISTER,CONFIRMED`].join("\n");
    await page.goto("/admin/import");
    await chooseFile(page, `${stamp}.csv`, csv);
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByText("2 rows: 2 new, 0 changed, 0 unchanged.")).toBeVisible();
    await page.getByRole("button", { name: "Submit 2 events for review" }).click();

    const submitted = page.getByRole("region", { name: "Submitted for review" });
    await expect(submitted.getByText(/^2 drafts submitted for review, 0 rows unchanged\./)).toBeVisible();
    await expect(submitted.getByText(`import: ${stamp}.csv (2 rows)`)).toBeVisible();
    await submitted.getByRole("link", { name: `Talks in Rabat ${stamp}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Draft: Talks in Rabat ${stamp}`);
    await expect(page.getByText(`Batch: import: ${stamp}.csv (2 rows)`)).toBeVisible();
    const draftPage = page.url();

    // Its author cannot publish it: another admin does.
    await expect(page.getByRole("button", { name: `Publish Talks in Rabat ${stamp}` })).toHaveCount(0);
    const reviewer = await browser.newContext({ storageState: storageStateOf("reviewer"), baseURL });
    try {
      const review = await reviewer.newPage();
      await review.goto(draftPage);
      await review.getByRole("button", { name: `Publish Talks in Rabat ${stamp}` }).click();
      await expect(review.getByRole("link", { name: "open the record" })).toBeVisible();
      await review.getByRole("link", { name: "open the record" }).click();
      await expect(review.getByRole("heading", { level: 1 })).toHaveText(`Talks in Rabat ${stamp}`);
    } finally {
      await reviewer.close();
    }
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("the import page and its endpoint are refused", async ({ page, baseURL }) => {
    expect((await page.goto("/admin/import"))?.status()).toBe(403);
    const response = await page.request.post("/api/admin/import?dryRun=1", { headers: { origin: baseURL ?? "", "content-type": "text/csv" }, data: "external_id\n1" });
    expect(response.status()).toBe(403);
  });
});
