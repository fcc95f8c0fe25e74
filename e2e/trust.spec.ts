// How sure a value is (issue 19): the plausible range on the cards and the dyad page, each
// driver's range, and the sensitivity of each tracked dyad on /methodology.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

test.use({ storageState: storageStateOf("analyst") });

const DYADS = ["France – Algeria", "France – Morocco", "Algeria – Morocco"];
const RANGE = /-?\d+\.\d, plausible -?\d+\.\d to -?\d+\.\d/;

test("every card gives its value's plausible range", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByRole("list", { name: "Relation indicators" });
  for (const name of DYADS) await expect(cards.getByRole("listitem").filter({ hasText: name }).locator(".plausible")).toHaveText(RANGE);
});

test("the dyad page states the range, shades it around the line and gives each driver's range", async ({ page }) => {
  await page.goto("/dyads/DZA-FRA");
  const current = page.getByRole("region", { name: "Current value" });
  await expect(current).toContainText(RANGE);
  await expect(current).toContainText("half-life anywhere from 30 to 90 days");

  const chart = page.getByRole("figure", { name: /Relations index, France – Algeria/ });
  await expect(chart.locator("svg .recharts-area")).toHaveCount(1);
  await expect(chart.locator("svg .recharts-line")).toHaveCount(1);
  await expect(chart).toContainText("The shaded area around France – Algeria is its plausible range");

  const lowering = page.getByRole("table", { name: "Events lowering the index" });
  await expect(lowering.getByRole("columnheader", { name: "Plausible weight today" })).toBeVisible();
  await expect(lowering.getByRole("row").nth(1).getByRole("cell").last()).toHaveText(/^-?[\d.e-]+ to -?[\d.e-]+$/);
});

test("beside compared dyads, the shaded range is the page's own dyad's", async ({ page }) => {
  await page.goto("/dyads/FRA-MAR?compare=DZA-FRA");
  const chart = page.getByRole("figure", { name: /and others/ });
  await expect(chart.locator("svg .recharts-line")).toHaveCount(2);
  await expect(chart.locator("svg .recharts-area")).toHaveCount(1);
  await expect(chart).toContainText("The shaded area around France – Morocco is its plausible range");
});

test("the methodology page shows each tracked dyad's sensitivity as a tornado chart and a table", async ({ page }) => {
  await page.goto("/methodology");
  await expect(page.getByRole("heading", { name: "5. How sure is a value" })).toBeVisible();
  for (const name of DYADS) {
    const chart = page.getByRole("figure", { name: `Sensitivity of ${name}'s value today to each parameter ±25 %` });
    await expect(chart.locator("svg .recharts-bar-rectangle").first()).toBeVisible();
    const table = page.getByRole("table", { name: `How ${name}'s value today` });
    await expect(table.getByRole("columnheader")).toHaveText(["Parameter", "−25 %", "+25 %"]);
    await expect(table.getByRole("rowheader").first()).toBeVisible();
  }
  // The chart itself takes the keyboard's focus (its arrow keys step through the bars).
  const surface = page.getByRole("figure", { name: /Sensitivity of France – Algeria/ }).locator('[tabindex="0"]').first();
  await surface.focus();
  await expect(surface).toBeFocused();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the methodology page stays public and keeps the live sensitivity for signed-in readers", async ({ page }) => {
    await page.goto("/methodology");
    await expect(page.getByRole("heading", { name: "5. How sure is a value" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("figure", { name: /Sensitivity of/ })).toHaveCount(0);
  });
});
