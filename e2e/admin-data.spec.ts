// Admins keep the data true: an event recorded through the form moves the indicator at once,
// the audit log shows who did it, and analysts cannot reach the form at all.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { withDatabase } from "./fixtures/database";
import { expectNoRawKeys, useLocale } from "./fixtures/locales";

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("recording a recall lowers the France–Algeria card and lands in the audit log", async ({ page }) => {
    const franceAlgeria = () => page.getByRole("list", { name: "Relation indicators" }).getByRole("listitem").filter({ hasText: "France – Algeria" });
    const valueOf = async () => Number((await franceAlgeria().locator(".value").textContent())?.trim());
    await page.goto("/");
    const before = await valueOf();

    const title = `Algeria recalls its ambassador from Paris ${Date.now()}`;
    await page.goto("/admin/events/new");
    const form = page.getByRole("form", { name: "New event" });
    await form.getByLabel("Title").fill(title);
    // Dyads are named as on the dashboard, France first.
    await expect(form.getByLabel("Dyad").locator('option[value="DZA-FRA"]')).toHaveText("France – Algeria");
    // A first choice of dyad, changed: actor and target move to the new dyad's countries, and the
    // save below goes through without choosing them again (before, the hidden Morocco was sent).
    await form.getByLabel("Dyad").selectOption("FRA-MAR");
    await form.getByLabel("Actor").selectOption("MAR");
    await form.getByLabel("Target").selectOption("FRA");
    await form.getByLabel("Dyad").selectOption("DZA-FRA");
    await expect(form.getByLabel("Actor")).toHaveValue("DZA");
    await expect(form.getByLabel("Target")).toHaveValue("FRA");
    await form.getByLabel("Event type").selectOption("161");
    await expect(form.getByText(/Score: s = G × L × V = -4\.0 × 0\.8 × 1 = -3\.20/)).toBeVisible();

    // A javascript: link is refused on its field, and nothing is saved.
    await form.getByRole("button", { name: "Add a source" }).click();
    await form.getByLabel("Publisher").fill("Example Wire");
    await form.getByLabel("Source title").fill("Algiers recalls envoy");
    await form.getByLabel("Source link").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Record event" }).click();
    await expect(form.getByText("a source link must be an http:// or https:// address")).toBeVisible();
    await form.getByLabel("Source link").fill("https://example.org/recall");
    await form.getByRole("button", { name: "Record event" }).click();

    await expect(page).toHaveURL(/\/events\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.goto("/");
    expect(await valueOf()).toBeLessThan(before);

    await page.goto("/admin/audit?entityType=Event");
    const entry = page.getByRole("table", { name: "Changes, newest first" }).getByRole("row").filter({ hasText: title }).first();
    await expect(entry).toContainText("Amina Admin");
    await expect(entry).toContainText("create");

    await withDatabase((db) => db.event.updateMany({ where: { title }, data: { archivedAt: new Date() } }));
  });

  test("a date in the future is refused on the date field", async ({ page }) => {
    await page.goto("/admin/events/new");
    const form = page.getByRole("form", { name: "New event" });
    await form.getByLabel("Title").fill("Talks planned for next year");
    await form.getByLabel("Event type").selectOption("046");
    await form.getByLabel("Date", { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-03-01`);
    await form.getByRole("button", { name: "Record event" }).click();
    await expect(form.getByText(/cannot lie in the future/)).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/events\/new$/);
  });
});

// The same refusal in the reader's language: the form's labels and the field messages the
// procedure's own schema gives, never a key.
const REFUSED_IN = {
  fr: {
    form: "Nouvel événement",
    heading: "Enregistrer un événement",
    title: "Titre",
    addSource: "Ajouter une source",
    link: "Lien de la source",
    record: "Enregistrer l'événement",
    tooShort: "3 caractères au moins",
    notHttp: "le lien d'une source doit être une adresse http:// ou https://",
  },
  ar: {
    form: "حدث جديد",
    heading: "تسجيل حدث",
    title: "العنوان",
    addSource: "إضافة مصدر",
    link: "رابط المصدر",
    record: "تسجيل الحدث",
    tooShort: "3 أحرف على الأقل",
    notHttp: "يجب أن يكون رابط المصدر عنوانًا يبدأ بـ http:// أو https://",
  },
} as const;

for (const [locale, words] of Object.entries(REFUSED_IN)) {
  test.describe(`as an admin reading ${locale}`, () => {
    test.use({ storageState: storageStateOf("admin") });

    test("the event form refuses bad input on its fields, in the reader's language", async ({ page, context, baseURL }) => {
      await useLocale(context, baseURL ?? "", locale as keyof typeof REFUSED_IN);
      await page.goto("/admin/events/new");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.heading);
      const form = page.getByRole("form", { name: words.form });
      await form.getByLabel(words.title).fill("ab");
      await form.getByRole("button", { name: words.addSource }).click();
      await form.getByLabel(words.link).fill("javascript:alert(1)");
      await form.getByRole("button", { name: words.record }).click();
      await expect(form.locator('[id="title-error"]')).toHaveText(words.tooShort);
      await expect(form.locator('[id="sources.0.url-error"]')).toHaveText(words.notHttp);
      await expect(form.getByLabel(words.link)).toHaveAttribute("aria-invalid", "true");
      await expectNoRawKeys(page);
      await expect(page).toHaveURL(/\/admin\/events\/new$/);
    });
  });
}

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("the event form is refused", async ({ page }) => {
    const response = await page.goto("/admin/events/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("form", { name: "New event" })).toHaveCount(0);
  });
});

test.describe("as an admin, standing conditions", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a condition recorded through its form weighs on the dyad's ledger; an end before the start is refused", async ({ page }) => {
    const title = `Moroccan ambassador withdrawn from Algiers ${Date.now()}`;
    await page.goto("/admin/conditions/new");
    const form = page.getByRole("form", { name: "New condition" });
    await form.getByLabel("Dyad").selectOption("DZA-MAR");
    await form.getByLabel("Kind").selectOption("AMBASSADOR_WITHDRAWN");
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("In force from").fill("2024-01-10");
    await form.getByLabel("Ended on (leave empty while in force)").fill("2023-12-01");
    await form.getByLabel("End precision").selectOption("DAY");
    await form.getByRole("button", { name: "Record condition" }).click();
    await expect(form.getByText("a condition cannot end before it starts")).toBeVisible();

    await form.getByLabel("Ended on (leave empty while in force)").fill("");
    await form.getByLabel("End precision").selectOption("");
    await form.getByRole("button", { name: "Record condition" }).click();
    await expect(page).toHaveURL(/\/dyads\/DZA-MAR$/);
    await expect(page.getByRole("heading", { name: "Standing conditions in force" }).locator("xpath=following-sibling::ul[1]")).toContainText(title);

    await withDatabase((db) => db.condition.updateMany({ where: { title }, data: { archivedAt: new Date() } }));
  });
});

test.describe("as an admin, ending a standing condition", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a condition given an end date in its edit form no longer shows as in force on the dyad page", async ({ page }) => {
    const title = `Consulates closed in Oujda ${Date.now()}`;
    await page.goto("/admin/conditions/new");
    const newForm = page.getByRole("form", { name: "New condition" });
    await newForm.getByLabel("Dyad").selectOption("DZA-MAR");
    await newForm.getByLabel("Title", { exact: true }).fill(title);
    await newForm.getByLabel("In force from").fill("2024-02-01");
    await newForm.getByRole("button", { name: "Record condition" }).click();
    await expect(page).toHaveURL(/\/dyads\/DZA-MAR$/);

    await page.getByRole("link", { name: `Edit ${title}` }).click();
    const form = page.getByRole("form", { name: "Edit condition" });
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(title);
    await form.getByLabel("Ended on (leave empty while in force)").fill("2024-09-30");
    await form.getByLabel("End precision").selectOption("DAY");
    await form.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(/\/dyads\/DZA-MAR$/);
    await expect(page.getByRole("heading", { name: "Standing conditions in force" })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);

    await page.goto("/admin/audit?entityType=Condition");
    await expect(page.getByRole("table", { name: "Changes, newest first" }).getByRole("row").filter({ hasText: "2024-09-30" }).first()).toContainText("update");
    await withDatabase((db) => db.condition.updateMany({ where: { title }, data: { archivedAt: new Date() } }));
  });
});
