// The agreements journey: search, filter, page through, open one, and follow it as a feed.
import { expect, test, type Page } from "@playwright/test";
import { createFeedToken } from "../server/feed-tokens/service";
import { storageStateOf } from "./fixtures/auth";
import { withDatabase } from "./fixtures/database";
import { holdAppScripts } from "./fixtures/scripts";
import { expectNoRawKeys, LOCALES, useLocale, type Locale } from "./fixtures/locales";

test.use({ storageState: storageStateOf("analyst") });

/** The cards of a feed, not the sector tags listed inside each card. */
const cards = (page: Page, name: string) => page.getByRole("list", { name }).locator(":scope > li");

/** What the search journey reads in each language (English's words are the ones it always asserted). */
const SEARCH_JOURNEY: Record<Locale, { heading: string; list: string; day: string; signed: string; signatories: string; history: string; events: string }> = {
  en: { heading: "Agreements", list: "Agreements", day: "24 Jun 2025", signed: "Signed", signatories: "Signatories", history: "Status history", events: "Related events" },
  fr: { heading: "Accords", list: "Accords", day: "24 juin 2025", signed: "Signé", signatories: "Signataires", history: "Historique du statut", events: "Événements liés" },
  ar: { heading: "الاتفاقيات", list: "الاتفاقيات", day: "24 يونيو 2025", signed: "موقَّعة", signatories: "الموقِّعون", history: "تاريخ الوضع", events: "أحداث ذات صلة" },
};

for (const locale of LOCALES) {
  test(`searching “security action plan” finds the 24 June 2025 plan, whose page names both signatories (${locale})`, async ({ page, context, baseURL }) => {
    const words = SEARCH_JOURNEY[locale];
    await useLocale(context, baseURL ?? "", locale);
    await page.goto("/agreements");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.heading);
    // The filter bar's own words are translated with the dashboard; in English the journey keeps naming them.
    const search = locale === "en" ? page.getByRole("searchbox", { name: "Search" }) : page.getByRole("searchbox");
    await search.fill("security action plan");
    await (locale === "en" ? page.getByRole("button", { name: "Apply" }) : page.locator("form.filter-bar button[type=submit]")).click();
    await expect(page).toHaveURL(/\/agreements\?q=security\+action\+plan$/);

    const first = cards(page, words.list).first();
    await expect(first.getByRole("heading")).toHaveText("Morocco–France police and security action plan");
    await expect(first).toContainText(words.day);
    await expectNoRawKeys(page);

    await first.getByRole("link", { name: /security action plan/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Morocco–France police and security action plan");
    const signatories = page.getByRole("list", { name: words.signatories });
    await expect(signatories).toContainText("Abdellatif Hammouchi");
    await expect(signatories).toContainText("Louis Lejay");
    await expect(page.getByRole("list", { name: words.history }).getByRole("listitem")).toHaveText([new RegExp(`${words.day}\\s*${words.signed}`)]);
    await expect(page.getByRole("list", { name: words.events })).toContainText("Hammouchi and Lejay sign");
    await expectNoRawKeys(page);
  });
}

test("the filter bar sent before the page's script has run lands on the same address and results as after", async ({ page }) => {
  const release = await holdAppScripts(page);
  await page.goto("/agreements", { waitUntil: "commit" }); // the held scripts hold the page's load events
  await page.getByRole("searchbox", { name: "Search" }).fill("security action plan");
  // Not hydrated: the browser sends the GET form itself, every field named, blank or not.
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/agreements\?q=security\+action\+plan$/);
  await expect(cards(page, "Agreements").first().getByRole("heading")).toHaveText("Morocco–France police and security action plan");

  await page.goto("/", { waitUntil: "commit" });
  await page.getByRole("searchbox", { name: "Search" }).fill("gas");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/\?.*q=gas/);
  const address = new URL(page.url());
  expect([...address.searchParams].filter(([, value]) => value.trim() === "").map(([name]) => name)).toEqual([]);
  release();
});

test("the methodology page reads in French and Arabic, with no raw message key", async ({ page, context, baseURL }) => {
  const expected = {
    fr: { title: "Comment l’indice des relations est calculé", points: "Points des situations durables", severed: "Relations rompues" },
    ar: { title: "كيف يُحسب مؤشر العلاقات", points: "نقاط الأوضاع القائمة", severed: "قطع العلاقات" },
  } as const;
  for (const locale of ["fr", "ar"] as const) {
    await useLocale(context, baseURL ?? "", locale);
    await page.goto("/methodology");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected[locale].title);
    await expect(page.getByRole("table", { name: expected[locale].points })).toContainText(expected[locale].severed);
    await expectNoRawKeys(page);
  }
});

test("filters combine from the URL; an empty result says how to get out of it", async ({ page }) => {
  await page.goto("/agreements?kind=LOAN&sector=ports");
  await expect(cards(page, "Agreements")).toHaveCount(1);
  await expect(cards(page, "Agreements")).toContainText("€100");

  await page.goto("/agreements?kind=LOAN&q=zzyzx+quux");
  await expect(page.getByText("No agreement matches these filters.")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/agreements$/);
  await expect(cards(page, "Agreements").first()).toBeVisible();

  await page.goto("/agreements?q=!!!&status=BOGUS");
  await expect(page.getByText(/no words to search for/)).toBeVisible();
  await expect(page.getByText(/not understood and were left out: status/)).toBeVisible();
});

test("the dashboard's feed reads the same filters from its URL", async ({ page }) => {
  await page.goto("/?statuses=ANTICIPATED&v=1"); // the dashboard's view state, in its own URL form
  const feed = cards(page, "Latest agreements");
  await expect(feed).toHaveCount(1);
  await expect(feed).toContainText("Mohammed VI");
  await expect(feed).toContainText("date not yet known");
  await expect(feed).toContainText("Anticipated");
});

test("the list loads more on the button and as it scrolls, without repeating an agreement", async ({ page }) => {
  const sector = `e2e-paging-${Date.now()}`;
  await withDatabase(async (db) => {
    try {
      // Dated before every seeded agreement, so that other tests' first pages stay as they are.
      await db.agreement.createMany({
        data: Array.from({ length: 45 }, (_, i) => ({
          title: `Paging memorandum ${String(i).padStart(2, "0")}`,
          kind: "MOU" as const,
          status: "SIGNED" as const,
          date: new Date(Date.UTC(2019, 0, 1 + i)),
          datePrecision: "DAY" as const,
          sectors: [sector],
        })),
      });
      await page.goto(`/agreements?sector=${sector}`);
      const items = cards(page, "Agreements");
      await expect(items).toHaveCount(20);
      await page.getByRole("button", { name: "Load more" }).click();
      await expect(items).toHaveCount(40);
      await items.last().scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 5000);
      await expect(items).toHaveCount(45);
      await expect(page.getByText("That is all: 45 agreements.")).toBeVisible();
      const titles = await items.getByRole("heading").allTextContents();
      expect(new Set(titles).size).toBe(45);
      expect(titles[0]).toBe("Paging memorandum 44");
    } finally {
      await db.agreement.deleteMany({ where: { sectors: { has: sector } } });
    }
  });
});

test("an unknown agreement gives a 404 page that leads back to the list", async ({ page }) => {
  const response = await page.goto("/agreements/no-such-agreement");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such agreement" })).toBeVisible();
  await expect(page.getByRole("link", { name: "list of agreements" })).toHaveAttribute("href", "/agreements");
});

test("the Atom feed and downloads open with a session or a personal feed token, and only so", async ({ request, playwright, baseURL }) => {
  // Without cookies of its own: newContext would otherwise take the analyst's from test.use.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.get("/api/feeds/agreements.atom")).status()).toBe(401);
  expect((await request.get("/api/exports/agreements.json?kind=ACTION_PLAN")).status()).toBe(200); // the analyst's session
  const { token } = await withDatabase(async (db) => {
    const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" }, select: { id: true } });
    return createFeedToken({ db, userId: analyst.id, name: `e2e ${Date.now()}` });
  });
  const atom = await anonymous.get(`/api/feeds/agreements.atom?kind=ACTION_PLAN&token=${token}`);
  expect(atom.status()).toBe(200);
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  expect(await atom.text()).toContain("<title>Morocco–France police and security action plan</title>");
  const csv = await anonymous.get("/api/exports/agreements.csv?kind=ACTION_PLAN", { headers: { Authorization: `Bearer ${token}` } });
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Abdellatif Hammouchi");
  await anonymous.dispose();
});

test("a feed token made on the account page opens the Atom feed until it is revoked there", async ({ page, playwright, baseURL }) => {
  await page.goto("/account");
  const name = `Reader ${Date.now()}`;
  await page.getByRole("form", { name: "New feed token" }).getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator(".token-once code").textContent())?.trim() ?? "";
  expect(token).toMatch(/^mmf_/);

  const reader = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await reader.get(`/api/feeds/agreements.atom?token=${token}`)).status()).toBe(200);
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("table", { name: "Your feed tokens" }).getByRole("row").filter({ hasText: name })).toContainText("revoked");
  const refused = await reader.get(`/api/feeds/agreements.atom?token=${token}`);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).reason).toMatch(/revoked/);
  await reader.dispose();
});
