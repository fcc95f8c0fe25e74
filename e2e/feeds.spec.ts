// An admin registers a news feed (served by the local fixture server), a poll turns its items into
// headlines, one becomes an event through the prefilled form, another is dismissed; analysts are
// refused the page. The poll runs from the test (the job runner's call), not on a schedule.
import { expect, test } from "@playwright/test";
import { pollNewsFeeds } from "../server/feeds/poll";
import { startFeedServer, type FeedServer } from "../test/support/feed-server";
import { storageStateOf } from "./fixtures/auth";
import { withDatabase } from "./fixtures/database";

// Our own item dates, in 2023 and on Algeria–Morocco, out of the ranges other specs look at.
const stamp = `e2e-${Date.now()}`;
const feedXml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Journal ${stamp}</title><link>https://journal.example/</link><description>e2e</description>
<item><title>Rabat et Alger rouvrent une ligne aérienne ${stamp}</title><link>https://journal.example/${stamp}/ligne</link><guid>${stamp}-1</guid><pubDate>Mon, 20 Mar 2023 09:00:00 GMT</pubDate></item>
<item><title>L'Algérie accueille un colloque ${stamp}</title><link>https://journal.example/${stamp}/colloque</link><guid>${stamp}-2</guid><pubDate>Sun, 19 Mar 2023 09:00:00 GMT</pubDate></item>
<item><title>Le Maroc inaugure un port ${stamp}</title><link>https://journal.example/${stamp}/port</link><guid>${stamp}-3</guid></item>
</channel></rss>`;

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });
  let server: FeedServer;
  test.beforeAll(async () => {
    server = await startFeedServer();
    server.set(`/${stamp}.xml`, feedXml);
  });
  test.afterAll(() => server.close());

  test("register a feed, poll it, make an event from one headline and dismiss another", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "News feeds" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("News feeds");

    const form = page.getByRole("form", { name: "Register a feed" });
    await form.getByLabel("Feed address (RSS or Atom)").fill("ftp://journal.example/feed");
    await form.getByRole("button", { name: "Register feed" }).click();
    await expect(form.getByText("a feed address starts with http:// or https://")).toBeVisible();
    await form.getByLabel("Feed address (RSS or Atom)").fill(server.url(`/${stamp}.xml`));
    await form.getByLabel("Language").selectOption("fr");
    await form.getByLabel("Country of the outlet").selectOption("MAR");
    await form.getByRole("button", { name: "Register feed" }).click();
    const row = page.getByRole("row").filter({ hasText: `/${stamp}.xml` });
    await expect(row.getByText("not yet polled")).toBeVisible();

    const result = await withDatabase((db) => pollNewsFeeds({ signal: AbortSignal.timeout(30_000), db }));
    expect(result.kept).toBeGreaterThanOrEqual(2);
    await page.reload();
    // The Moroccan outlet's item naming only Morocco is not a headline; the two naming Algeria are.
    await expect(page.getByRole("link", { name: `Le Maroc inaugure un port ${stamp}` })).toHaveCount(0);
    await expect(page.getByRole("row").filter({ hasText: `Journal ${stamp}` }).getByRole("button", { name: /^Pause/ })).toBeVisible();

    // New headlines also wait in the review queue, under the GDELT clusters.
    await page.goto("/admin/review");
    const fromFeeds = page.getByRole("table", { name: "New headlines from news feeds, newest first" });
    await fromFeeds.getByRole("link", { name: `Make event from Rabat et Alger rouvrent une ligne aérienne ${stamp}` }).click();
    await expect(page).toHaveURL(/\/admin\/events\/new\?headline=/);
    const eventForm = page.getByRole("form", { name: "New event" });
    await expect(eventForm.getByLabel("Title", { exact: true })).toHaveValue(`Rabat et Alger rouvrent une ligne aérienne ${stamp}`);
    await expect(eventForm.getByLabel("Date", { exact: true })).toHaveValue("2023-03-20");
    await expect(eventForm.getByLabel("Dyad")).toHaveValue("DZA-MAR");
    await expect(eventForm.getByLabel("Publisher")).toHaveValue(`Journal ${stamp}`);
    await expect(eventForm.getByLabel("Source link")).toHaveValue(`https://journal.example/${stamp}/ligne`);
    await eventForm.getByLabel("Event type").selectOption("036");
    await eventForm.getByRole("button", { name: "Record event" }).click();
    await expect(page).toHaveURL(/\/events\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rabat et Alger rouvrent une ligne aérienne ${stamp}`);

    await page.goto("/admin/feeds?status=USED#headlines");
    await expect(page.getByRole("row").filter({ hasText: `ligne aérienne ${stamp}` }).getByRole("link", { name: "Used: open the event" })).toBeVisible();

    await page.goto("/admin/feeds?status=NEW#headlines");
    const colloque = page.getByRole("row").filter({ hasText: `colloque ${stamp}` });
    await colloque.getByRole("button", { name: /^Dismiss/ }).click();
    await expect(page.getByRole("row").filter({ hasText: `colloque ${stamp}` })).toHaveCount(0);
    await page.goto("/admin/feeds?status=DISMISSED#headlines");
    await expect(page.getByRole("row").filter({ hasText: `colloque ${stamp}` })).toContainText("Dismissed");
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("the feeds page is refused", async ({ page }) => {
    expect((await page.goto("/admin/feeds"))?.status()).toBe(403);
  });
});
