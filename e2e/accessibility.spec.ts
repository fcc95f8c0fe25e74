// Every page, in every locale, checked with axe against WCAG 2.0/2.1 A and AA once it has settled
// (map, markers and charts drawn, nothing loading): a serious or critical violation fails the
// page, listed as rule, impact and the elements it found, so the report says what to fix.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, type RoleName } from "./fixtures/auth";
import { withDatabase } from "./fixtures/database";
import { expectNoRawKeys, LOCALES, useLocale } from "./fixtures/locales";

const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

interface CheckedPage {
  /** The address; the route's pattern where `address` finds the real one. Names the test. */
  path: string;
  /** Finds the address at run time: a record's edit page needs a record. */
  address?: () => Promise<string>;
  /** Who looks at it; null: signed out. */
  as: RoleName | null;
  /** What has to be on screen before the page counts as settled, beyond the heading and loaders. */
  ready?: (page: Page) => Promise<void>;
}

async function someEventEditPath(): Promise<string> {
  const event = await withDatabase((db) => db.event.findFirst({ where: { archivedAt: null }, orderBy: { date: "desc" }, select: { id: true } }));
  if (!event) throw new Error("The seeded database has no event to edit");
  return `/admin/events/${event.id}`;
}

async function dashboardDrawn(page: Page): Promise<void> {
  const map = page.locator(".map-region");
  await expect(map.locator("path.country").first()).toBeVisible();
  await expect(map.locator(".event-cluster, .event-marker").first()).toBeVisible();
  await expect(page.locator(".sparkline svg").first()).toBeVisible();
  await expect(page.locator("ol.feed").first()).toBeVisible();
}

const PAGES: CheckedPage[] = [
  { path: "/login", as: null },
  { path: "/", as: "analyst", ready: dashboardDrawn },
  { path: "/dyads/FRA-MAR", as: "analyst", ready: (page) => expect(page.locator(".chart svg").first()).toBeVisible() },
  // The feed with a search; the seeded agreement's title is data, the same in every locale.
  {
    path: "/agreements?q=security+action+plan",
    as: "analyst",
    ready: (page) => expect(page.locator("ol.feed").getByRole("heading", { name: /security action plan/ })).toBeVisible(),
  },
  ...["/views", "/methodology", "/alerts", "/teams"].map((path) => ({ path, as: "analyst" as const })),
  ...["/admin", "/admin/events/new", "/admin/conditions/new", "/admin/agreements/new", "/admin/import"].map((path) => ({ path, as: "admin" as const })),
  { path: "/admin/events/[id]", address: someEventEditPath, as: "admin" },
  ...["/admin/review", "/admin/audit", "/admin/jobs", "/admin/feeds", "/admin/tokens"].map((path) => ({ path, as: "admin" as const })),
];

/**
 * Settled: the heading is there, the page's own parts are drawn and nothing is marked busy.
 * Found by structure, not by English words, so the same waits hold in every locale.
 */
async function settle(page: Page, ready: CheckedPage["ready"]): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await ready?.(page);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

for (const locale of LOCALES) {
  for (const checked of PAGES) {
    test.describe(`${checked.path} (${locale})`, () => {
      test.use({ storageState: checked.as ? storageStateOf(checked.as) : { cookies: [], origins: [] } });

      test("has no serious or critical WCAG 2.1 A/AA violation, and loads nothing from elsewhere", async ({ page, context, baseURL }, testInfo) => {
        const origin = baseURL ?? "";
        await useLocale(context, origin, locale);
        const elsewhere: string[] = [];
        page.on("request", (request) => {
          if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) elsewhere.push(request.url());
        });

        const path = checked.address ? await checked.address() : checked.path;
        await page.goto(path);
        await settle(page, checked.ready);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoRawKeys(page);

        const { violations, incomplete } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
        // Every finding, minor violations and what axe could not decide (incomplete) too, goes in the report.
        await testInfo.attach("axe-results.json", { body: JSON.stringify({ violations, incomplete }, null, 2), contentType: "application/json" });
        const failing = violations
          .filter((v) => v.impact && FAILING_IMPACTS.has(v.impact))
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
        expect(failing, `axe on ${path} in ${locale}`).toEqual([]);
        // The map draws offline borders: no tile server, nor any other host, is asked for anything.
        expect(elsewhere).toEqual([]);
      });
    });
  }
}
