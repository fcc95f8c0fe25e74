// The interface in the reader's language: the browser's first, then their own choice, which follows
// the account to another browser and outlives sign-out on this one; Arabic mirrors the layout.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/demo";
import { storageStateOf } from "./fixtures/auth";
import { expectNoRawKeys } from "./fixtures/locales";

test.describe("a reader with a French browser", () => {
  test.use({ locale: "fr-FR", storageState: { cookies: [], origins: [] } });

  test("signs in to French, switches to العربية, and keeps it after sign-out and on another browser", async ({ page, browser, playwright, baseURL }) => {
    // A reader of their own: the demo accounts' sessions are shared by the other journeys.
    const email = `polyglot-${Date.now()}@example.com`;
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
    const created = await admin.post("/api/trpc/users.create", { data: { json: { name: "Nadia Polyglot", email, role: "analyst", password: DEMO_PASSWORD } }, headers: { origin: baseURL ?? "" } });
    expect(created.status(), await created.text()).toBe(200);
    await admin.dispose();

    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    const nav = page.getByRole("navigation", { name: "Principale" });
    await expect(nav.getByRole("link", { name: "Tableau de bord" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expectNoRawKeys(page);

    await page.getByRole("button", { name: "Nadia Polyglot" }).click();
    await page.getByLabel("Langue").selectOption("ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("navigation", { name: "الرئيسية" }).getByRole("link", { name: "لوحة المتابعة" })).toBeVisible();
    // Mirrored: the account menu sits on the left of the header, the brand on the right.
    const brand = await page.getByRole("link", { name: "Maghreb Monitor" }).boundingBox();
    const menu = await page.getByRole("button", { name: "Nadia Polyglot" }).boundingBox();
    expect(brand && menu && menu.x < brand.x).toBe(true);
    await expectNoRawKeys(page);

    await page.getByRole("button", { name: "Nadia Polyglot" }).click();
    await page.getByRole("button", { name: "تسجيل الخروج" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تسجيل الدخول");

    // Another browser, in English, with nothing stored: signing in brings the account's choice.
    const other = await browser.newContext({ locale: "en-GB" });
    const elsewhere = await other.newPage();
    await elsewhere.goto("/login");
    await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await elsewhere.getByLabel("Email").fill(email);
    await elsewhere.getByLabel("Password").fill(DEMO_PASSWORD);
    await elsewhere.getByRole("button", { name: "Sign in" }).click();
    await expect(elsewhere.getByRole("navigation", { name: "الرئيسية" })).toBeVisible();
    await expect(elsewhere.locator("html")).toHaveAttribute("dir", "rtl");
    await other.close();
  });
});

test.describe("a reader whose browser asks for a language the app does not speak", () => {
  test.use({ locale: "de-DE", storageState: { cookies: [], origins: [] } });

  test("gets English", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  });
});
