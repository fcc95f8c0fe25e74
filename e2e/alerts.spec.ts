// Alerts end to end: an analyst asks to be alerted when France – Morocco changes band, an admin
// records a recall through the event form, the alerts job runs (Run now on /admin/jobs, in the
// worker `npm start` runs beside the app), and the analyst's bell shows one unread alert that
// links to the recall, whose cause then reads in French and Arabic too. France – Morocco, not France – Algeria: in the seeded data France – Algeria
// sits deep in crisis (about −87), where one recall moves it a few points and leaves its band,
// while it takes France – Morocco from cordial (about +32) to mixed (about +12). The recall stays:
// this file runs in the "moves the index" project, after every journey that reads the seeded values.
import { expect, test, type Browser } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { expectNoRawKeys, useLocale } from "./fixtures/locales";

const asRole = async (browser: Browser, role: string) => (await browser.newContext({ storageState: storageStateOf(role) })).newPage();

test("an analyst's band-change rule fires after an admin records a recall, the bell links to the event, and its cause reads in French and Arabic", async ({ browser, baseURL }) => {
  const analyst = await asRole(browser, "analyst");
  const admin = await asRole(browser, "admin");
  const bell = analyst.getByRole("link", { name: /^Alerts, \d+ unread$/ });

  await analyst.goto("/dyads/FRA-MAR");
  await expect(bell).toHaveAccessibleName("Alerts, 0 unread");
  // Hydrated once react-hook-form has filled the move form's defaults: the button then answers.
  await expect(analyst.getByRole("spinbutton", { name: "Points" })).toHaveValue("10");
  await analyst.getByRole("button", { name: "Alert me when France – Morocco changes band" }).click();
  await expect(analyst.getByText("You will be alerted when France – Morocco changes band.")).toBeVisible();

  const title = `Morocco recalls its ambassador from Paris ${Date.now()}`;
  await admin.goto("/admin/events/new");
  const form = admin.getByRole("form", { name: "New event" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Dyad").selectOption("FRA-MAR");
  await form.getByLabel("Actor").selectOption("MAR");
  await form.getByLabel("Target").selectOption("FRA");
  await form.getByLabel("Event type").selectOption("161");
  await form.getByRole("button", { name: "Add a source" }).click();
  await form.getByLabel("Publisher").fill("Example Wire");
  await form.getByLabel("Source title").fill("Rabat recalls envoy");
  await form.getByLabel("Source link").fill("https://example.org/rabat-recall");
  await form.getByRole("button", { name: "Record event" }).click();
  // Not /admin/events/new, which the form's own address would match too.
  await expect(admin).toHaveURL(/\/events\/(?!new$)[^/]+$/);
  const eventId = new URL(admin.url()).pathname.split("/").at(-1) ?? "";

  await admin.goto("/admin/jobs");
  const job = admin.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: "(alerts)" });
  await job.getByRole("button", { name: "Run now: Evaluate alert rules and deliver alerts" }).click();
  await expect(job.getByText(/^ ?(Queued\.|A run is already waiting: nothing added\.)$/)).toBeVisible();

  // The bell is drawn on the server: reload until the run has delivered.
  await expect(async () => {
    await analyst.reload();
    await expect(bell).toHaveAccessibleName("Alerts, 1 unread", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await bell.click();
  await expect(analyst).toHaveURL(/\/alerts$/);
  const alert = analyst.getByRole("table", { name: "Your alerts, newest first" }).getByRole("row").filter({ hasText: "FRA-MAR" }).first();
  await expect(alert).toContainText(/New: Band changed from cordial to mixed/);
  await expect(alert.getByRole("link", { name: "FRA-MAR" })).toHaveAttribute("href", `/events/${eventId}`);

  // Read in French, then in Arabic: the alert's cause is said in the reader's language (it is kept
  // as a key and its arguments, not as an English sentence).
  const said = { fr: "Changement de bande : de « cordiales » à « contrastées »", ar: "تغيّرت الفئة من «علاقات ودية» إلى «علاقات متباينة»" } as const;
  for (const locale of ["fr", "ar"] as const) {
    await useLocale(analyst.context(), baseURL ?? "", locale);
    await analyst.reload();
    await expect(analyst.getByText(said[locale])).toBeVisible();
    await expectNoRawKeys(analyst);
  }

  // The admin follows the same link to the recall.
  await admin.goto(`/events/${eventId}`);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(title);
  await Promise.all([analyst.context().close(), admin.context().close()]);
});
