import { expect, test } from "@playwright/test";
import { withDatabase } from "./fixtures/database";
import { storageStateOf } from "./fixtures/auth";
import { expectNoRawKeys, useLocale } from "./fixtures/locales";

test.use({ storageState: storageStateOf("analyst") });

test("the dashboard lists the tracked relations and the latest agreements from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("France and the Maghreb");

  const cards = page.getByRole("list", { name: "Relation indicators" });
  await expect(cards.getByRole("heading")).toHaveText(["France – Algeria", "France – Morocco", "Algeria – Morocco"]);
  const franceMorocco = cards.getByRole("listitem").filter({ hasText: "France – Morocco" });
  await expect(franceMorocco).toContainText("Latest event: 31 Oct 2025");
  await expect(franceMorocco).toContainText(/over 30 days/);
  // The record ends in February 2026: the value is its standing conditions, and the card says so in words.
  await expect(franceMorocco).toContainText(/0 events in the last 90 days · \d+ days since the last event · today's value is over 99 % standing conditions, under 1 % events/);
  await expect(franceMorocco).toContainText("No recent events — value is the standing conditions only");
  await expect(cards.getByRole("listitem").filter({ hasText: "Algeria – Morocco" })).toContainText("crisis");

  const feed = page.getByRole("list", { name: "Latest agreements" });
  const first = feed.getByRole("listitem").first();
  await expect(first.getByRole("heading")).toContainText("security action plan");
  await expect(first).toContainText("24 Jun 2025");
  await expect(first).toContainText("Signed");

  const accelerator = feed.getByRole("listitem").filter({ hasText: "Investment Accelerator" });
  await expect(accelerator).toContainText("≈ MAD 3bn");
  await expect(accelerator).toContainText("EUR 300m");
  // The undated, anticipated visit comes last: e2e/agreements.spec.ts finds it through a filter,
  // as agreements other tests add may push it past this first page.
});

/** What the main journey reads in French and Arabic. */
const IN_OTHER_LANGUAGES = {
  fr: {
    title: "La France et le Maghreb",
    cards: "Indicateurs des relations",
    dyads: ["France – Algérie", "France – Maroc", "Algérie – Maroc"],
    map: "Carte du Maghreb",
    stale: "Aucun événement récent — la valeur ne reflète que les conditions permanentes",
    drivers: "Ce qui le détermine aujourd’hui",
    raising: "Événements qui font monter l’indice",
  },
  ar: {
    title: "فرنسا والمغرب العربي",
    cards: "مؤشرات العلاقات",
    dyads: ["فرنسا – الجزائر", "فرنسا – المغرب", "الجزائر – المغرب"],
    map: "خريطة المغرب العربي",
    stale: "لا أحداث حديثة — القيمة تعكس الأوضاع القائمة وحدها",
    drivers: "ما الذي يحركه اليوم",
    raising: "أحداث ترفع المؤشر",
  },
} as const;

for (const locale of ["fr", "ar"] as const) {
  const words = IN_OTHER_LANGUAGES[locale];
  test(`in ${locale}, the dashboard shows its cards and map, and a card opens the dyad's page`, async ({ page, context, baseURL }) => {
    await useLocale(context, baseURL ?? "", locale);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.title);
    const cards = page.getByRole("list", { name: words.cards });
    await expect(cards.getByRole("heading")).toHaveText([...words.dyads]);
    const franceMorocco = cards.getByRole("listitem").filter({ hasText: words.dyads[1] });
    await expect(franceMorocco).toContainText(words.stale);
    await expect(page.getByRole("region", { name: words.map })).toBeVisible();
    await expectNoRawKeys(page);

    await franceMorocco.getByRole("link", { name: words.dyads[1] }).click();
    await expect(page).toHaveURL(/\/dyads\/FRA-MAR$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.dyads[1]);
    await expect(page.getByRole("heading", { name: words.drivers })).toBeVisible();
    await expect(page.getByRole("table", { name: words.raising }).getByRole("row")).toHaveCount(4);
    await expectNoRawKeys(page);
  });
}

test("an agreement added to the database shows in the feed on the next load", async ({ page }) => {
  const title = `E2E memorandum ${Date.now()}`;
  await withDatabase(async (db) => {
    try {
      await page.goto("/");
      const feed = page.getByRole("list", { name: "Latest agreements" });
      await expect(feed.getByRole("listitem").first()).toBeVisible();
      await expect(feed.getByText(title)).toHaveCount(0);

      await db.agreement.create({
        // Dated inside the seeded range, so the other tests' "newest first" expectations hold meanwhile.
        data: { title, kind: "MOU", status: "SIGNED", date: new Date("2024-11-05"), datePrecision: "MONTH", sectors: ["energy"] },
      });
      await page.reload();
      const added = feed.getByRole("listitem").filter({ hasText: title });
      await expect(added).toContainText("Nov 2024");
      await expect(added).toContainText("Memorandum");
    } finally {
      await db.agreement.deleteMany({ where: { title } });
    }
  });
});

test("the health check reports a reachable database", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
});

test("the dashboard's filters live in the URL and narrow what it shows", async ({ page }) => {
  await page.goto("/");
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("checkbox", { name: "France – Algeria" }).check();
  await filters.getByLabel("From", { exact: true }).fill("2024-01-01");
  await filters.getByLabel("To", { exact: true }).fill("2024-12-31");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?dyads=DZA-FRA&from=2024-01-01&to=2024-12-31&v=1$/);
  await expect(page.getByRole("list", { name: "Relation indicators" }).getByRole("heading")).toHaveText(["France – Algeria"]);
  await expect(page.getByRole("heading", { name: "Relations index as of 2024-12-31" })).toBeVisible();
  const feed = page.getByRole("list", { name: "Latest agreements" });
  await expect(feed.or(page.getByText("No agreement matches these filters."))).toBeVisible();

  await page.reload(); // the URL alone restores them
  await expect(filters.getByRole("checkbox", { name: "France – Algeria" })).toBeChecked();
  await expect(filters.getByLabel("To", { exact: true })).toHaveValue("2024-12-31");
});

test("the API answers the signed-out with a 401", async ({ playwright, baseURL }) => {
  // Without cookies of its own: newContext would otherwise take the analyst's from test.use.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const input = encodeURIComponent(JSON.stringify({ json: { limit: 5 } }));
  expect((await anonymous.get(`/api/trpc/agreements.list?input=${input}`)).status()).toBe(401);
  expect((await anonymous.get(`/api/trpc/relations.summary`)).status()).toBe(401);
  await anonymous.dispose();
});

test("the index's shared answers travel gzipped, and read the same as uncompressed", async ({ request }) => {
  const input = encodeURIComponent(JSON.stringify({ json: { dyads: ["FRA-MAR"], from: "2024-01-01", to: "2025-12-31", granularity: "daily" } }));
  const path = `/api/trpc/relations.series?input=${input}`;
  const [gzipped, again, plain] = [
    await request.get(path, { headers: { "accept-encoding": "gzip" } }),
    await request.get(path, { headers: { "accept-encoding": "gzip" } }),
    await request.get(path, { headers: { "accept-encoding": "identity" } }),
  ];
  expect(gzipped.headers()["content-encoding"]).toBe("gzip");
  expect(gzipped.headers()["x-maghreb-content-encoding"]).toBeUndefined();
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  const answer = await plain.json();
  expect(answer.result.data.json.dyads[0].points.length).toBeGreaterThan(700);
  expect(await gzipped.json()).toEqual(answer);
  expect(await again.json()).toEqual(answer);
});

test("the API answers bad input with a 400 and the reason", async ({ request }) => {
  const input = encodeURIComponent(JSON.stringify({ json: { limit: 5000 } }));
  const response = await request.get(`/api/trpc/agreements.list?input=${input}`);
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.json.data.code).toBe("BAD_REQUEST");
  expect(body.error.json.data.fieldErrors.limit[0]).toMatch(/50/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
});

test("search, statuses and panels are part of the dashboard's state too", async ({ page }) => {
  await page.goto("/");
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Search agreements").fill("security action plan");
  await filters.getByText("More filters and panels").click();
  await filters.getByRole("checkbox", { name: "Signed" }).check();
  await filters.getByRole("checkbox", { name: "Map" }).uncheck();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=security\+action\+plan/);
  await expect(page).toHaveURL(/statuses=SIGNED/);
  await expect(page).toHaveURL(/panels=relations%2Cagreements/);
  await expect(page.getByRole("region", { name: "Map of the Maghreb" })).toHaveCount(0);
  const feed = page.getByRole("list", { name: "Latest agreements" });
  await expect(feed.getByRole("heading").first()).toContainText("security action plan");
});
