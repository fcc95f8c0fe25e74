// Conditions proposed from events: an admin records an ambassador's recall through the event form
// (REVIEW_REQUIRED is off in this server), the review queue shows the proposed condition, from
// nobody, linked to the event; the same admin publishes it (a proposal has no author) and the dyad
// page lists the condition in force. It moves a seeded value today, so it runs with the journeys
// that do (playwright.config.ts); on Algeria – France, which neither alerts.spec.ts (France –
// Morocco) nor drafts.spec.ts (Algeria – Morocco) moves.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

test.use({ storageState: storageStateOf("admin") });

test("a recorded recall proposes its condition for review; published, it is in force on the dyad page", async ({ page }) => {
  const title = `Algeria recalls its ambassador from Paris ${Date.now()}`;
  await page.goto("/admin/events/new");
  const form = page.getByRole("form", { name: "New event" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Dyad").selectOption("DZA-FRA");
  await form.getByLabel("Actor").selectOption("DZA");
  await form.getByLabel("Target").selectOption("FRA");
  await form.getByLabel("Event type").selectOption("161");
  await form.getByRole("button", { name: "Record event" }).click();
  // Not /admin/events/new, which the form's own address would match too.
  await expect(page).toHaveURL(/\/events\/(?!new$)[^/]+$/);
  const eventId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  await page.goto("/admin/review");
  const proposal = page.getByRole("article", { name: new RegExp(`^Draft: Ambassador recalled .*: ${title}$`) });
  await expect(proposal).toContainText("new condition by the system");
  await expect(proposal.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", `/events/${eventId}`);
  await proposal.getByRole("button", { name: /^Publish / }).click();
  await expect(proposal).toHaveCount(0);

  await page.goto("/dyads/DZA-FRA");
  const drivers = page.getByRole("region", { name: "What drives it today" });
  await expect(drivers.getByRole("listitem").filter({ hasText: title })).toContainText("-10 points since");
});
