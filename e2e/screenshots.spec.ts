// A picture of the dashboard in each language for docs/screenshots/ (README, issue 20). Nothing is
// compared with it: the journeys assert words, never pixels; this only writes the files.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { LOCALES, useLocale } from "./fixtures/locales";

test.use({ storageState: storageStateOf("analyst"), viewport: { width: 1280, height: 900 } });

const folder = path.resolve(import.meta.dirname, "../docs/screenshots");

for (const locale of LOCALES) {
  test(`the dashboard in ${locale}, pictured for the docs`, async ({ page, context, baseURL }) => {
    await useLocale(context, baseURL ?? "", locale);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    // Taken once the map has drawn its events, so the picture shows the whole dashboard.
    await expect(page.getByTestId("map-event-count")).toBeVisible();
    await page.screenshot({ path: path.join(folder, `dashboard-${locale}.png`), fullPage: true });
  });
}
