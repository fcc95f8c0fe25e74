// Four eyes: an admin submits an event for review and the dashboard does not move; the same admin
// cannot publish it (no button, and the server refuses the call); the second admin sees the
// preview of the index move, publishes, and the card moves. It moves a seeded value today, so it
// runs with the journeys that do (playwright.config.ts); Algeria – Morocco, since alerts.spec.ts
// moves France – Morocco beside it.
import { expect, test } from "@playwright/test";
import { storageStateOf, testDatabase } from "./fixtures/auth";

test.use({ storageState: storageStateOf("admin") });

test("a drafted event moves the index only once another admin publishes it", async ({ page, browser, baseURL }) => {
  const title = `Algeria and Morocco sign a rail accord ${Date.now()}`;
  const card = page.getByRole("list", { name: "Relation indicators" }).getByRole("listitem").filter({ hasText: "Algeria – Morocco" });
  const valueOf = async () => Number((await card.locator(".value").textContent())?.trim());
  await page.goto("/");
  const before = await valueOf();

  await page.goto("/admin/events/new");
  const form = page.getByRole("form", { name: "New event" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Dyad").selectOption("DZA-MAR");
  await form.getByLabel("Event type").selectOption("057");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/admin\/drafts\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Draft: ${title}`);
  await expect(page.getByRole("button", { name: `Publish ${title}` })).toHaveCount(0);
  const draftId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  await page.goto("/");
  await expect(card).not.toContainText(title);
  expect(await valueOf()).toBe(before);

  await page.goto("/admin/review");
  const mine = page.getByRole("article", { name: `Draft: ${title}` });
  await expect(mine).toContainText("Your draft: another admin publishes or returns it.");
  await expect(mine.getByRole("button", { name: `Publish ${title}` })).toHaveCount(0);
  const db = testDatabase();
  try {
    const response = await page.request.post("/api/trpc/drafts.publish", { data: { json: { id: draftId, version: 1 } }, headers: { origin: baseURL ?? "" } });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("You wrote this draft");
    expect(await db.draft.findUniqueOrThrow({ where: { id: draftId }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await db.event.count({ where: { title } })).toBe(0);
  } finally {
    await db.$disconnect();
  }

  const reviewer = await browser.newContext({ storageState: storageStateOf("reviewer"), baseURL });
  try {
    const review = await reviewer.newPage();
    await review.goto("/admin/review");
    const draft = review.getByRole("article", { name: `Draft: ${title}` });
    await expect(draft).toContainText("by Amina Admin");
    const preview = draft.getByRole("table", { name: `If “${title}” were published: the index before → after` });
    await expect(preview.getByRole("row").filter({ hasText: "Algeria – Morocco" }).first()).toContainText("→");
    await draft.getByRole("button", { name: `Publish ${title}` }).click();
    await expect(draft).toHaveCount(0);
  } finally {
    await reviewer.close();
  }

  await page.goto("/");
  await expect(card).toContainText(`— ${title}`);
  expect(await valueOf()).toBeGreaterThan(before);
});
