// The notes journey across three people: the analyst writes a note on an event for the North
// Africa desk, a teammate reads it beside the event and sees it flagged on the dyad's chart, an
// outsider finds nothing, and asking for it by id answers 404 as for a note that does not exist.
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, testDatabase } from "./fixtures/auth";

test("a team note on an event is read by a teammate, flagged on the dyad's chart, and not found by an outsider", async ({ browser }) => {
  const body = `Why this dip: the recall, not trade ${Date.now()}`;
  const as = async (role: string) => (await browser.newContext({ storageState: storageStateOf(role) })).newPage();
  const notesOn = (page: Page, about: string) => page.getByRole("list", { name: `Notes on ${about}` });
  const db = testDatabase();
  try {
    const event = await db.event.findFirstOrThrow({
      where: { archivedAt: null, dyad: { key: "FRA-MAR" }, placementDate: { lte: new Date() } },
      orderBy: [{ placementDate: "desc" }, { id: "asc" }],
      select: { id: true },
    });

    const analyst = await as("analyst");
    await analyst.goto(`/events/${event.id}`);
    const form = analyst.getByRole("form", { name: "New note on this event" });
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(form.getByText("Write the note.")).toBeVisible();
    await form.getByLabel("Note").fill(body);
    await form.getByLabel("Share with").selectOption({ label: "North Africa desk" });
    await form.getByRole("button", { name: "Add note" }).click();
    const mine = notesOn(analyst, "this event").getByRole("listitem").filter({ hasText: body });
    await expect(mine).toContainText("shared with North Africa desk");
    await expect(mine.getByRole("button", { name: "Edit" })).toBeVisible();
    await expect(form.getByLabel("Note")).toHaveValue("");
    const { id } = await db.analystNote.findFirstOrThrow({ where: { body }, select: { id: true } });

    const teammate = await as("analyst2");
    await teammate.goto(`/events/${event.id}`);
    const theirs = notesOn(teammate, "this event").getByRole("listitem").filter({ hasText: body });
    await expect(theirs).toBeVisible();
    await expect(theirs.getByRole("button")).toHaveCount(0); // read-only: the author edits and deletes
    await teammate.goto("/dyads/FRA-MAR");
    await expect(notesOn(teammate, "the index").getByRole("listitem").filter({ hasText: body })).toBeVisible();
    await expect(teammate.locator("rect.note-flag title", { hasText: body })).toHaveCount(1);

    const outsider = await as("outsider");
    await outsider.goto(`/events/${event.id}`);
    await expect(outsider.getByText("No note on this event yet.")).toBeVisible();
    await expect(outsider.getByText(body)).toHaveCount(0);
    await outsider.goto("/dyads/FRA-MAR");
    await expect(outsider.locator("rect.note-flag title", { hasText: body })).toHaveCount(0);
    const byId = (noteId: string) => outsider.request.get(`/api/trpc/notes.get?input=${encodeURIComponent(JSON.stringify({ json: { id: noteId } }))}`);
    const [real, madeUp] = [await byId(id), await byId("no-such-note")];
    expect(real.status()).toBe(404);
    expect(madeUp.status()).toBe(404);
    expect(await real.text()).not.toContain(body);
  } finally {
    await db.$disconnect();
  }
});
