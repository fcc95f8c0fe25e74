// Admin screens: hidden from analysts, refused by the server when asked for anyway, and no
// state change gets in from another site.
import { expect, test } from "@playwright/test";
import { storageStateOf, testDatabase } from "./fixtures/auth";
import { expectNoRawKeys, useLocale, type Locale } from "./fixtures/locales";

function setRoleRequest(userId: string) {
  return { data: { json: { userId, role: "admin" } } };
}

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("the admin screen is not offered, and opening it anyway gets 403", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved views" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forbidden");
    await expect(page.getByText("admin@example.com")).toHaveCount(0);
  });

  test("calling an admin procedure directly gets 403 and changes nothing", async ({ request, baseURL }) => {
    const db = testDatabase();
    try {
      const me = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
      const response = await request.post("/api/trpc/users.setRole", { ...setRoleRequest(me.id), headers: { origin: baseURL ?? "" } });
      expect(response.status()).toBe(403);
      expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toEqual(me);
    } finally {
      await db.$disconnect();
    }
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the admin screen lists the users", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin");
    await expect(page.getByRole("row").filter({ hasText: "analyst@example.com" })).toContainText("active");
  });

  test("a cross-site POST carrying the admin's cookie is refused and changes nothing", async ({ request }) => {
    const db = testDatabase();
    try {
      const outsider = await db.user.findUniqueOrThrow({ where: { email: "outsider@example.com" } });
      const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, {}];
      for (const headers of foreign) {
        const response = await request.post("/api/trpc/users.setRole", { ...setRoleRequest(outsider.id), headers });
        expect(response.status()).toBe(403);
      }
      expect(await db.user.findUniqueOrThrow({ where: { id: outsider.id } })).toEqual(outsider);
    } finally {
      await db.$disconnect();
    }
  });
});

// The admin pages in the reader's language: each page's own heading, and never a message key.
const ADMIN_HEADINGS: Record<Exclude<Locale, "en">, Record<string, string>> = {
  fr: {
    "/admin": "Administration",
    "/admin/audit": "Journal d'audit",
    "/admin/jobs": "Tâches planifiées",
    "/admin/feeds": "Fils d'actualité",
    "/admin/tokens": "Jetons de flux",
    "/admin/import": "Importer des événements depuis un CSV",
  },
  ar: {
    "/admin": "الإدارة",
    "/admin/audit": "سجل التدقيق",
    "/admin/jobs": "المهام المجدولة",
    "/admin/feeds": "خلاصات الأخبار",
    "/admin/tokens": "رموز الخلاصات",
    "/admin/import": "استيراد أحداث من ملف CSV",
  },
};

for (const [locale, headings] of Object.entries(ADMIN_HEADINGS)) {
  test.describe(`as an admin reading ${locale}`, () => {
    test.use({ storageState: storageStateOf("admin") });

    test("the admin index, audit log, jobs, feeds, tokens and import pages speak the reader's language", async ({ page, context, baseURL }) => {
      await useLocale(context, baseURL ?? "", locale as Locale);
      for (const [address, heading] of Object.entries(headings)) {
        await page.goto(address);
        await expect(page.getByRole("heading", { level: 1 }), address).toHaveText(heading);
        await expectNoRawKeys(page);
      }
    });
  });
}
