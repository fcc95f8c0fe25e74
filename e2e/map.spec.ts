import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { useLocale } from "./fixtures/locales";

test.use({ storageState: storageStateOf("analyst") });

const mapOf = (page: Page) => page.getByRole("region", { name: "Map of the Maghreb" });

/** Where the markers stand and what they count, as one comparable string. */
function markerSignature(map: Locator): Promise<string> {
  return map.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>(".event-cluster, .event-marker")]
      .map((m) => `${m.textContent}@${m.style.transform}`)
      .sort()
      .join(" "),
  );
}

/** Events the markers stand for: a group counts its number, a single marker one. */
function markerTotal(map: Locator): Promise<number> {
  return map.evaluate((el) =>
    [...el.querySelectorAll(".event-cluster, .event-marker")].reduce((n, m) => n + (m.classList.contains("event-cluster") ? Number(m.textContent) : 1), 0),
  );
}

test("the map draws Morocco, Algeria and Western Sahara from offline borders, Western Sahara as disputed", async ({ page, baseURL }) => {
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "")) elsewhere.push(request.url());
  });
  await page.goto("/");
  const map = mapOf(page);
  await expect(map.getByRole("link", { name: /^Morocco: index -?\d+\.\d, [a-z ]+$/ })).toBeVisible();
  await expect(map.getByRole("link", { name: /^Algeria: index/ })).toBeVisible();
  const westernSahara = map.getByRole("img", { name: "Western Sahara: disputed territory" });
  await expect(westernSahara).toBeVisible();
  await expect(westernSahara).toHaveClass(/country-disputed/);

  await westernSahara.hover();
  await expect(map.locator(".leaflet-tooltip")).toContainText("Disputed territory");
  await expect(map.getByRole("list", { name: "Legend: relations index bands" })).toContainText("disputed territory");

  // Beside the map, the same countries as links, with their values and bands.
  const list = page.getByRole("list", { name: "Relations with France on the map" });
  await expect(list.getByRole("link", { name: "Morocco" })).toHaveAttribute("href", "/dyads/FRA-MAR");
  await expect(list.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Morocco" }) })).toContainText(/-?\d+\.\d (mixed|cordial|strong partnership|tense|crisis)/);
  await expect(list.getByRole("listitem").filter({ hasText: "Western Sahara" })).toContainText("disputed territory");

  await expect(map.locator(".event-cluster, .event-marker").first()).toBeVisible();
  expect(elsewhere).toEqual([]);
});

test("clicking Morocco on the map opens the France–Morocco page; Enter on its shape does too", async ({ page }) => {
  await page.goto("/");
  const morocco = mapOf(page).getByRole("link", { name: /^Morocco: / });
  await morocco.click();
  await expect(page).toHaveURL(/\/dyads\/FRA-MAR$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("France – Morocco");

  await page.goBack();
  await mapOf(page).getByRole("link", { name: /^Morocco: / }).focus();
  await expect(mapOf(page).locator(".leaflet-tooltip")).toContainText("France – Morocco: index");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dyads\/FRA-MAR$/);
});

test("changing the date range changes the markers, and the range is in the URL", async ({ page }) => {
  await page.goto("/?from=2024-07-01&to=2025-06-30");
  const map = mapOf(page);
  const count = page.getByTestId("map-event-count");
  await expect(map.locator(".event-cluster, .event-marker").first()).toBeVisible();
  const before = Number(await count.textContent());
  expect(before).toBeGreaterThan(0);
  await expect.poll(() => markerTotal(map)).toBe(before);
  const markersBefore = await markerSignature(map);

  // The range is the filter bar's: the map has no date control of its own.
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("From", { exact: true }).fill("2021-01-01");
  await filters.getByLabel("To", { exact: true }).fill("2021-12-31");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/from=2021-01-01/);
  await expect(page).toHaveURL(/to=2021-12-31/);
  await expect(page.locator(".map-status")).toContainText("1 Jan 2021 to 31 Dec 2021");
  await expect.poll(() => markerSignature(map)).not.toBe(markersBefore);
  const after = Number(await count.textContent());
  expect(after).toBeGreaterThan(0);
  await expect.poll(() => markerTotal(map)).toBe(after);

  // Back brings the earlier range and its markers back.
  await page.goBack();
  await expect(page).toHaveURL(/from=2024-07-01/);
  await expect.poll(() => markerSignature(map)).toBe(markersBefore);
});

test("the map's centre and zoom are part of the URL, both ways", async ({ page }) => {
  await page.goto("/?mapLat=34.0209&mapLon=-6.8416&mapZoom=6");
  const map = mapOf(page);
  await expect(map.getByRole("link", { name: /^Morocco: / })).toBeVisible();
  await map.getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/mapLat=34\.02\d*&mapLon=-6\.84\d*&mapZoom=6\.5/);

  // Reopened from the URL, the map starts where it was left: one more step gives 7.
  await page.reload();
  await mapOf(page).getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/mapZoom=7(&|$)/);
});

test("a group of events at one place opens a list of them, each linking to its page", async ({ page }) => {
  await page.goto("/?from=2021-01-01&to=2025-12-31&mapLat=34.0209&mapLon=-6.8416&mapZoom=10");
  const map = mapOf(page);
  const group = map.locator(".event-cluster").first();
  await expect(group).toBeVisible();
  await group.click();
  const popup = map.locator(".leaflet-popup");
  await expect(popup).toContainText(/\d+ events at this place/);
  await popup.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/events\//);
});

test("Western Sahara's status note reads in French and Arabic, not in the database's English", async ({ page, context, baseURL }) => {
  const expected = { fr: "Territoire non autonome inscrit sur la liste des Nations unies", ar: "إقليم غير متمتع بالحكم الذاتي" } as const;
  for (const locale of ["fr", "ar"] as const) {
    await useLocale(context, baseURL ?? "", locale);
    await page.goto("/");
    const countries = page.locator(".map-countries");
    await expect(countries).toContainText(expected[locale]);
    await expect(countries).not.toContainText("Non-self-governing");
  }
});
