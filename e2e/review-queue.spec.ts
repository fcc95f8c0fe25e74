// The drafts queue at volume: an admin submits three event drafts; the reviewer filters the queue
// by kind and dyad (the address carries the filters), moves through it with j/k, publishes one
// with p, puts the cursor in a return comment with r (where j is typed, not obeyed), then ticks
// "Select all shown" and publishes the rest at once: the answer stays beside the now empty queue.
// The author's own p is refused with the four-eyes sentence. The drafts are dated three years
// back, before the index's 900-day reach, so they move no value the journeys beside it read
// (Algeria – France, as proposed-conditions.spec.ts does); still, publishing writes the dyad's
// rollup, so it runs with the journeys that move the index.
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

test.use({ storageState: storageStateOf("admin") });

const QUEUE = "/admin/review?kind=event&draftDyad=DZA-FRA&order=newest#drafts";
const longAgo = new Date(Date.now() - 3 * 365 * 86_400_000).toISOString().slice(0, 10);

async function submitDraft(page: Page, baseURL: string, title: string): Promise<void> {
  const data = {
    title,
    date: longAgo,
    datePrecision: "DAY",
    dyad: "DZA-FRA",
    actor: "DZA",
    target: "FRA",
    cameoCode: "057",
    level: "MINISTER",
    verification: "CONFIRMED",
    sources: [],
  };
  const response = await page.request.post("/api/trpc/drafts.save", { data: { json: { type: "Event", data } }, headers: { origin: baseURL } });
  expect(response.status(), await response.text()).toBe(200);
}

test("a reviewer works through a filtered queue with j/k/p/r and publishes the rest in bulk", async ({ page, browser, baseURL }) => {
  const stamp = Date.now();
  const [first, second, third] = ["first", "second", "third"].map((n) => `Algiers and Paris sign a ${n} protocol ${stamp}`);
  for (const title of [first, second, third]) await submitDraft(page, baseURL ?? "", title ?? "");
  const selected = (p: Page) => p.locator('ul[aria-label="Drafts waiting for review"] > li[aria-current="true"]');

  // The author's own draft: p says why it cannot, and changes nothing.
  await page.goto(QUEUE);
  // The help line appears once the keys work (after hydration).
  await expect(page.getByText("Keys: j next draft")).toBeVisible();
  await page.keyboard.press("j");
  await expect(selected(page)).toContainText(`${third}`);
  await page.keyboard.press("p");
  await expect(page.getByText("You wrote this draft: another admin must publish or return it.")).toBeVisible();
  await expect(page.getByRole("article", { name: `Draft: ${third}` })).toHaveCount(1);

  const reviewer = await browser.newContext({ storageState: storageStateOf("reviewer"), baseURL });
  try {
    const review = await reviewer.newPage();
    await review.goto(QUEUE);
    await expect(review.getByRole("form", { name: "Draft filters" }).getByLabel("Kind")).toHaveValue("event");
    await expect(review.getByRole("link", { name: /^To review/ })).toBeVisible();
    // The help line appears once the keys work (after hydration).
    await expect(review.getByText("Keys: j next draft")).toBeVisible();

    // Newest first: third, second, first.
    await review.keyboard.press("j");
    await expect(selected(review)).toContainText(`${third}`);
    await expect(review.getByRole("article", { name: `Draft: ${third}` })).toBeFocused();
    await review.keyboard.press("j");
    await expect(selected(review)).toContainText(`${second}`);
    await review.keyboard.press("k");
    await expect(selected(review)).toContainText(`${third}`);
    await review.keyboard.press("p");
    await expect(review.getByText(`Published: ${third}`)).toBeVisible();
    await expect(review.getByRole("article", { name: `Draft: ${third}` })).toHaveCount(0);

    // r puts the cursor in the selected draft's comment; keys typed there are the field's.
    await review.keyboard.press("j");
    await expect(selected(review)).toContainText(`${second}`);
    await review.keyboard.press("r");
    const comment = review.getByRole("form", { name: `Return ${second}` }).getByLabel("Comment for the author");
    await expect(comment).toBeFocused();
    await review.keyboard.type("jk");
    await expect(comment).toHaveValue("jk");
    await expect(selected(review)).toContainText(`${second}`);

    await review.getByLabel("Select all shown").check();
    await expect(review.getByText(/^\d+ drafts selected$/)).toBeVisible();
    await review.getByRole("button", { name: "Publish selected" }).click();
    // The page is read again once they are published; the answer outlives it, beside the empty queue.
    for (const title of [first, second]) await expect(review.getByRole("article", { name: `Draft: ${title}` })).toHaveCount(0);
    await expect(review.getByText("No draft waiting for review with these filters.")).toBeVisible();
    await expect(review.getByRole("status").filter({ hasText: /\d+ published, 0 refused/ })).toBeVisible();
  } finally {
    await reviewer.close();
  }
});
