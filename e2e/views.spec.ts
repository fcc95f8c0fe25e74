// The saved-view journey across three people: the analyst saves a filtered dashboard for the
// North Africa desk, a teammate opens it as it was, an outsider's copy of the link finds nothing.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

test("a view saved for the team opens the same for a teammate and is not found by an outsider", async ({ browser }) => {
  const name = `FR–MA since 2025 ${Date.now()}`;
  const as = async (role: string) => (await browser.newContext({ storageState: storageStateOf(role) })).newPage();

  const analyst = await as("analyst");
  await analyst.goto("/");
  const filters = analyst.getByRole("form", { name: "Filters" });
  await filters.getByRole("checkbox", { name: "France – Morocco" }).check();
  await filters.getByLabel("From", { exact: true }).fill("2025-01-01");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(analyst).toHaveURL(/dyads=FRA-MAR&from=2025-01-01/);
  await expect(analyst.getByRole("list", { name: "Relation indicators" }).getByRole("heading")).toHaveText(["France – Morocco"]);

  await analyst.getByRole("button", { name: "Save view" }).click();
  const dialog = analyst.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Share with").selectOption({ label: "North Africa desk" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(analyst.getByText(`Saved view ${name} (shared with North Africa desk)`)).toBeVisible();
  const link = await analyst.getByRole("link", { name: "link to share" }).getAttribute("href");
  expect(link).toMatch(/^\/views\/\w+$/);

  const teammate = await as("analyst2");
  await teammate.goto("/views");
  await teammate.getByRole("link", { name }).click();
  await expect(teammate).toHaveURL(/dyads=FRA-MAR&from=2025-01-01/);
  await expect(teammate.getByRole("checkbox", { name: "France – Morocco" })).toBeChecked();
  await expect(teammate.getByRole("checkbox", { name: "France – Algeria" })).not.toBeChecked();
  await expect(teammate.getByRole("form", { name: "Filters" }).getByLabel("From")).toHaveValue("2025-01-01");
  await expect(teammate.getByRole("list", { name: "Relation indicators" }).getByRole("heading")).toHaveText(["France – Morocco"]);
  await expect(teammate.getByRole("button", { name: /Update view/ })).toHaveCount(0); // read-only for teammates

  const outsider = await as("outsider");
  const response = await outsider.goto(link ?? "");
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(outsider.getByText(name)).toHaveCount(0);
  await outsider.goto("/views");
  await expect(outsider.getByText(name)).toHaveCount(0);
});
