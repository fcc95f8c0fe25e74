// Admins record and correct agreements through a form: refusals land on their fields, the
// agreement reaches the feed and its page, status changes join its history, the audit log keeps
// who did what, and a stale save shows what changed instead of overwriting it.
import { expect, test } from "@playwright/test";
import { createAgreement } from "../prisma/seed/factories";
import { storageStateOf } from "./fixtures/auth";
import { withDatabase } from "./fixtures/database";

const archive = (title: string) => withDatabase((db) => db.agreement.updateMany({ where: { title }, data: { archivedAt: new Date() } }));

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an agreement recorded through the form is refused without a currency, then reaches the feed, its page and the audit log", async ({ page }) => {
    const title = `Desalination plant loan ${Date.now()}`;
    await page.goto("/admin");
    await page.getByRole("link", { name: "New agreement" }).click();
    const form = page.getByRole("form", { name: "New agreement" });
    await form.getByLabel("Title", { exact: true }).fill(title);
    await form.getByLabel("Kind", { exact: true }).selectOption("LOAN");
    await form.getByLabel("Dyad").selectOption("FRA-MAR");
    await form.getByLabel("Date", { exact: true }).fill("2025-03-04");
    await form.getByLabel("Status", { exact: true }).selectOption("SIGNED");
    await form.getByLabel("Status date").fill("2025-03-04");
    await form.getByLabel("Sectors (comma-separated)").fill("water, energy");
    await form.getByLabel("Party", { exact: true }).fill("Kingdom of Morocco");
    await form.getByLabel("Party country").selectOption("MAR");
    await form.getByRole("button", { name: "Add a party" }).click();
    await form.getByLabel("Party", { exact: true }).nth(1).fill("Agence Française de Développement");
    await form.getByLabel("Party kind").nth(1).selectOption("PUBLIC_BODY");
    await form.getByRole("button", { name: "Add a signatory" }).click();
    await form.getByLabel("Signatory", { exact: true }).fill("Nadia Fettah");
    await form.getByLabel("Role", { exact: true }).fill("Minister of Economy and Finance");
    await form.getByRole("button", { name: "Add an amount" }).click();
    await form.getByLabel("Amount", { exact: true }).fill("150000000");
    await form.getByLabel("What the amount is").fill("loan");

    await form.getByRole("button", { name: "Record agreement" }).click();
    await expect(form.getByLabel("Currency")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("money needs a currency (EUR, MAD…)")).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/agreements\/new$/);

    await form.getByLabel("Currency").fill("eur");
    await form.getByRole("button", { name: "Record agreement" }).click();
    await expect(page).toHaveURL(/\/agreements\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("EUR 150m (loan)")).toBeVisible();
    await expect(page.getByRole("list", { name: "Signatories" })).toContainText("Nadia Fettah, Minister of Economy and Finance");

    await page.goto(`/agreements?q=${encodeURIComponent(`"${title}"`)}`);
    await expect(page.getByRole("list", { name: "Agreements" }).getByRole("heading", { name: title })).toBeVisible();

    await page.goto("/admin/audit?entityType=Agreement");
    const entry = page.getByRole("table", { name: "Changes, newest first" }).getByRole("row").filter({ hasText: title }).first();
    await expect(entry).toContainText("Amina Admin");
    await expect(entry).toContainText("create");
    await archive(title);
  });

  test("a status change made in the editor joins the agreement's history and the audit log", async ({ page }) => {
    const title = `Rail maintenance protocol ${Date.now()}`;
    const { id } = await withDatabase((db) =>
      createAgreement(db, { title, kind: "PROTOCOL", date: "2025-02-10", dyad: "FRA-MAR", parties: [{ name: "ONCF", kind: "PUBLIC_BODY", country: "MAR" }] }),
    );
    await page.goto(`/agreements/${id}`);
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    const form = page.getByRole("form", { name: "Edit agreement" });
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(title);
    await form.getByLabel("Status", { exact: true }).selectOption("IN_FORCE");
    await form.getByLabel("Status date").fill("2025-06-01");
    await form.getByLabel("Status note").fill("entered into force after ratification");
    await form.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(new RegExp(`/agreements/${id}$`));
    await expect(page.getByRole("list", { name: "Status history" }).getByRole("listitem")).toHaveText([
      /10 Feb 2025\s*Signed/,
      /1 Jun 2025\s*In force\s*— entered into force after ratification/,
    ]);

    await page.goto(`/admin/audit?entityType=Agreement&entityId=${id}`);
    const entry = page.getByRole("table", { name: "Changes, newest first" }).getByRole("row").filter({ hasText: "update" });
    await expect(entry).toContainText("IN_FORCE");
    await archive(title);
  });

  test("a save over someone else's meanwhile keeps the admin's input and shows what changed", async ({ page }) => {
    const title = `Port concession ${Date.now()}`;
    const { id } = await withDatabase((db) => createAgreement(db, { title, parties: [{ name: "Tanger Med", kind: "COMPANY", country: "MAR" }] }));
    await page.goto(`/admin/agreements/${id}`);
    const form = page.getByRole("form", { name: "Edit agreement" });
    await form.getByLabel("Summary").fill("My summary");
    await withDatabase((db) => db.agreement.update({ where: { id }, data: { title: `${title} (renamed)`, version: { increment: 1 } } }));

    await form.getByRole("button", { name: "Save changes" }).click();
    const panel = page.getByRole("region", { name: "Changes saved meanwhile" });
    await expect(panel).toContainText(`${title} (renamed)`);
    await expect(form.getByLabel("Summary")).toHaveValue("My summary");
    await panel.getByRole("button", { name: /Keep my input/ }).click();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/agreements/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await archive(title);
  });
});

test.describe("as an admin, archiving", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an archived agreement leaves the feed and comes back when restored", async ({ page }) => {
    const title = `Vocational training grant ${Date.now()}`;
    const { id } = await withDatabase((db) => createAgreement(db, { title, parties: [{ name: "OFPPT", kind: "PUBLIC_BODY", country: "MAR" }] }));
    const feed = () => page.getByRole("list", { name: "Agreements" }).getByRole("heading", { name: title });

    await page.goto(`/admin/agreements/${id}`);
    await page.getByRole("button", { name: "Archive agreement" }).click();
    await expect(page.getByText("archived: it is left out of the feed and the exports")).toBeVisible();
    await page.goto(`/agreements?q=${encodeURIComponent(`"${title}"`)}`);
    await expect(page.getByText("No agreement matches these filters.")).toBeVisible();

    await page.goto(`/admin/agreements/${id}`);
    await page.getByRole("button", { name: "Restore agreement" }).click();
    await expect(page.getByRole("button", { name: "Archive agreement" })).toBeVisible();
    // The form beside the button follows the version the restore made: saving it is not "stale".
    const form = page.getByRole("form", { name: "Edit agreement" });
    await form.getByLabel("Summary").fill("Restored and corrected");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`:\\d+/agreements/${id}$`));
    await expect(page.getByText("Restored and corrected")).toBeVisible();
    await page.goto(`/agreements?q=${encodeURIComponent(`"${title}"`)}`);
    await expect(feed()).toBeVisible();
    await archive(title);
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("the agreement form is refused, and agreement pages offer no edit link", async ({ page }) => {
    const response = await page.goto("/admin/agreements/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("form", { name: "New agreement" })).toHaveCount(0);

    await page.goto("/agreements");
    await page.getByRole("list", { name: "Agreements" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  });
});
