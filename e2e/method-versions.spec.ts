import { expect, test } from "@playwright/test";
import { METHOD, methodRelease, previousRelease } from "../server/method/params";
import { storageStateOf } from "./fixtures/auth";

test.use({ storageState: storageStateOf("analyst") });

const current = `Method v${METHOD.version}, ${methodRelease(METHOD.version)?.released ?? ""}`;
const previous = previousRelease(METHOD.version)?.method.version ?? "";

test("the screens name the method version, and the dyad chart draws the previous version's line on request", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Relations index" })).toContainText(current);

  await page.goto("/dyads/DZA-MAR");
  await expect(page.getByRole("region", { name: "Current value" })).toContainText(current);
  const chart = page.getByRole("figure", { name: /Relations index, Algeria – Morocco/ });
  await expect(chart.locator("svg .recharts-line")).toHaveCount(1);
  await page.getByRole("checkbox", { name: `Also draw Algeria – Morocco under the previous Method v${previous}`, exact: false }).check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`overlay=${previous.replaceAll(".", "\\.")}`));
  await expect(chart.locator("svg .recharts-line")).toHaveCount(2);
  await expect(chart.getByText(`Algeria – Morocco, method ${previous}`)).toBeVisible();
  // The range links keep the overlay.
  await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "1y" }).click();
  await expect(page).toHaveURL(/range=1y/);
  await expect(chart.locator("svg .recharts-line")).toHaveCount(2);

  await page.goto("/methodology");
  const versions = page.getByRole("table", { name: "Method versions, newest first" });
  await expect(versions.getByRole("row").nth(1)).toContainText(METHOD.version);
  await expect(versions).toContainText("conditionWeight: 1 → 0.5");
  await expect(versions).toContainText("first published");
});
