import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

test.use({ storageState: storageStateOf("analyst") });

test("a card leads to the dyad's history, drivers and the conditions in force", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "France – Morocco" }).click();
  await expect(page).toHaveURL(/\/dyads\/FRA-MAR$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("France – Morocco");
  await expect(page.getByRole("figure", { name: /Relations index, France – Morocco/ }).locator("svg .recharts-line")).toHaveCount(1);
  const current = page.getByRole("region", { name: "Current value" });
  await expect(current).toContainText(/0 events in the last 90 days · \d+ days since the last event/);
  await expect(current).toContainText("No recent events — value is the standing conditions only");

  const raising = page.getByRole("table", { name: "Events raising the index" });
  await expect(raising.getByRole("row")).toHaveCount(4); // header + the three largest
  await expect(raising).toContainText("24 Jun 2025");
  await expect(page.getByRole("heading", { name: "Standing conditions in force" }).locator("xpath=following-sibling::ul[1]")).toContainText(
    "partnership",
  );

  await raising.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/events\//);
  await expect(page.getByText(/s = G × L × V/)).toBeVisible();
});

test("several dyads compare on one chart, and the range can change", async ({ page }) => {
  await page.goto("/dyads/MAR-FRA"); // either order of the pair opens the same page
  await expect(page).toHaveURL(/\/dyads\/FRA-MAR$/);
  await page.getByRole("checkbox", { name: "France – Algeria" }).check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/compare=DZA-FRA/);
  const chart = page.getByRole("figure", { name: /and others/ });
  await expect(chart.locator("svg .recharts-line")).toHaveCount(2);
  await expect(chart.getByText("France – Algeria")).toBeVisible();

  await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "All" }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
  // "All" starts at the first recorded data of the two dyads, in 2021.
  await expect(page.getByRole("figure", { name: /and others/ }).locator(".recharts-xAxis-tick-labels text").first()).toContainText("2021");
});

test("an unknown or malformed dyad is not found", async ({ page }) => {
  expect((await page.goto("/dyads/FRA-XYZ"))?.status()).toBe(404);
  expect((await page.goto("/dyads/not-a-pair"))?.status()).toBe(404);
});

test("the methodology page explains the formula with the parameters in force", async ({ page }) => {
  await page.goto("/methodology");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How the relations index is computed");
  await expect(page.getByText(/half-life h = 45 days/)).toBeVisible();
  await expect(page.getByText(/c = 15/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Points of standing conditions" })).toContainText("Relations severed");
});
