// The notes journey across three people: the analyst writes a note on an event for the North
// Africa desk, a teammate reads it beside the event and sees it flagged on the dyad's chart, an
// outsider finds nothing, and asking for it by id answers 404 as for a note that does not exist.
// In French and Arabic: the notes panel, its form, a form refusal and a service's, in the reader's words.
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf, testDatabase } from "./fixtures/auth";
import { expectNoRawKeys, useLocale, type Locale } from "./fixtures/locales";

/** France – Morocco's latest event up to today: the one the notes are written on. */
const latestEventOf = (db: ReturnType<typeof testDatabase>) =>
  db.event.findFirstOrThrow({
    where: { archivedAt: null, dyad: { key: "FRA-MAR" }, placementDate: { lte: new Date() } },
    orderBy: [{ placementDate: "desc" }, { id: "asc" }],
    select: { id: true },
  });

test("a team note on an event is read by a teammate, flagged on the dyad's chart, and not found by an outsider", async ({ browser }) => {
  const body = `Why this dip: the recall, not trade ${Date.now()}`;
  const as = async (role: string) => (await browser.newContext({ storageState: storageStateOf(role) })).newPage();
  const notesOn = (page: Page, about: string) => page.getByRole("list", { name: `Notes on ${about}` });
  const db = testDatabase();
  try {
    const event = await latestEventOf(db);

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

/** The notes' words, a form's refusal and a service's, as French and Arabic readers meet them. */
const IN_OTHER_LANGUAGES = {
  fr: {
    newOnEvent: "Nouvelle note sur cet événement",
    onEvent: "Notes sur cet événement",
    newOnIndex: "Nouvelle note sur l'indice",
    onIndex: "Notes sur l'indice",
    note: "Note",
    day: "Jour",
    shareWith: "Partager avec",
    add: "Ajouter la note",
    write: "Rédigez la note.",
    shared: "partagée avec North Africa desk",
    future: /^Choisissez un jour jusqu'à aujourd'hui \(\d{4}-\d{2}-\d{2}\)\.$/,
  },
  ar: {
    newOnEvent: "ملاحظة جديدة بشأن هذا الحدث",
    onEvent: "ملاحظات بشأن هذا الحدث",
    newOnIndex: "ملاحظة جديدة بشأن المؤشر",
    onIndex: "ملاحظات بشأن المؤشر",
    note: "الملاحظة",
    day: "اليوم",
    shareWith: "المشاركة مع",
    add: "أضف الملاحظة",
    write: "اكتب الملاحظة.",
    shared: "مُشارَكة مع North Africa desk",
    future: /^اختر يومًا لا يتجاوز اليوم \(\d{4}-\d{2}-\d{2}\)\.$/,
  },
} as const;

for (const [locale, words] of Object.entries(IN_OTHER_LANGUAGES)) {
  test(`in ${locale}: notes are written, refused and listed in the reader's language`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: storageStateOf("analyst") });
    await useLocale(context, baseURL ?? "", locale as Locale);
    const page = await context.newPage();
    const body = `${locale}: ${Date.now()}`;
    const db = testDatabase();
    try {
      const event = await latestEventOf(db);
      await page.goto(`/events/${event.id}`);
      const form = page.getByRole("form", { name: words.newOnEvent });
      await form.getByRole("button", { name: words.add }).click();
      await expect(form.getByText(words.write)).toBeVisible();
      await form.getByLabel(words.note, { exact: true }).fill(body);
      await form.getByLabel(words.shareWith).selectOption({ label: "North Africa desk" });
      await form.getByRole("button", { name: words.add }).click();
      await expect(page.getByRole("list", { name: words.onEvent }).getByRole("listitem").filter({ hasText: body })).toContainText(words.shared);
      await expectNoRawKeys(page);

      // A day after today is the service's refusal (the schema takes any real day), said in the page's language.
      await page.goto("/dyads/FRA-MAR");
      await expect(page.getByRole("list", { name: words.onIndex }).getByRole("listitem").filter({ hasText: body })).toBeVisible();
      const onIndex = page.getByRole("form", { name: words.newOnIndex });
      await onIndex.getByLabel(words.day).fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
      await onIndex.getByLabel(words.note, { exact: true }).fill(`${body} tomorrow`);
      await onIndex.getByRole("button", { name: words.add }).click();
      await expect(onIndex.getByText(words.future)).toBeVisible();
      await expectNoRawKeys(page);
    } finally {
      await context.close();
      await db.$disconnect();
    }
  });
}
