// The alerts and account pages, and the app's not-found page, in French and Arabic: translated
// headings and labels, Arabic mirrored, and no message key left on screen. Render only: the alerts
// journey itself (a rule firing after a publish) is alerts.spec.ts, in English.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { expectNoRawKeys, useLocale } from "./fixtures/locales";

const WORDS = {
  fr: { alerts: "Alertes", rules: "Vos règles d'alerte", deliveries: "Envois", account: "Votre compte", password: "Changer le mot de passe", tokens: "Jetons de flux", notFound: "Page introuvable" },
  ar: { alerts: "التنبيهات", rules: "قواعد التنبيه الخاصة بك", deliveries: "الإرسالات", account: "حسابك", password: "تغيير كلمة المرور", tokens: "رموز الخلاصات", notFound: "الصفحة غير موجودة" },
} as const;

for (const locale of ["fr", "ar"] as const) {
  test(`an analyst reads the alerts and account pages in ${locale}`, async ({ browser, baseURL }) => {
    const words = WORDS[locale];
    const context = await browser.newContext({ storageState: storageStateOf("analyst") });
    await useLocale(context, baseURL ?? "", locale);
    const page = await context.newPage();

    await page.goto("/alerts");
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.alerts);
    await expect(page.getByRole("heading", { level: 2, name: words.rules })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: words.deliveries })).toBeVisible();
    // The lists have answered (a table or its empty state), so their words are on screen too.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoRawKeys(page);

    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.account);
    await expect(page.getByRole("form", { name: words.password })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: words.tokens })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoRawKeys(page);

    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.notFound);
    await expectNoRawKeys(page);
    await context.close();
  });
}
