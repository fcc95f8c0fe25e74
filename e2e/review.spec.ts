// The review of GDELT clusters: an admin accepts a cluster and the dyad's card moves at once,
// rejects another with a reason and it stays out of the queue. The clusters are written straight
// into the e2e database, as the ingest job would leave them (its own journey comes with it).
import { expect, test } from "@playwright/test";
import { createCandidateCluster } from "../prisma/seed/candidate-factories";
import { storageStateOf } from "./fixtures/auth";
import { withDatabase } from "./fixtures/database";

const dayBefore = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test.use({ storageState: storageStateOf("admin") });

test("an accepted cluster moves its dyad's card; a rejected one needs a reason and does not come back", async ({ page }) => {
  // Days no other journey uses, so each row is found by its day.
  const [acceptDay, rejectDay] = [dayBefore(1), dayBefore(2)];
  const title = "Morocco towards Algeria: impose blockade, restrict movement";
  const [accepted, rejected] = await withDatabase(async (db) => [
    await createCandidateCluster(db, {
      dyad: "DZA-MAR",
      day: acceptDay,
      actor: "MAR",
      target: "DZA",
      reports: ["one", "two", "three"].map((site) => ({ cameoCode: "191", sourceUrl: `https://${site}.example/border`, avgTone: -6 })),
    }),
    await createCandidateCluster(db, {
      dyad: "DZA-MAR",
      day: rejectDay,
      actor: "DZA",
      target: "MAR",
      reports: [{ cameoCode: "111", sourceUrl: "https://four.example/statement" }],
    }),
  ]);

  const card = page.getByRole("list", { name: "Relation indicators" }).getByRole("listitem").filter({ hasText: "Algeria – Morocco" });
  await page.goto("/");
  await expect(card).toBeVisible();
  await expect(card).not.toContainText(title);

  await page.goto("/admin/review?dyad=DZA-MAR");
  await expect(page).toHaveURL(/dyad=DZA-MAR/);
  // The clusters' table: accepting a blockade also proposes a standing condition, whose preview names the day.
  const queue = page.getByRole("table", { name: "Clusters waiting for review, newest first" });
  const row = queue.getByRole("row").filter({ hasText: acceptDay });
  await expect(row).toContainText("Morocco → Algeria");
  await expect(row).toContainText("191 impose blockade, restrict movement");
  await expect(row.getByRole("link", { name: "one.example" })).toHaveAttribute("rel", "noopener noreferrer");
  await row.getByRole("button", { name: `Accept Morocco towards Algeria on ${acceptDay}` }).click();
  await expect(queue.getByRole("row").filter({ hasText: acceptDay })).toHaveCount(0);

  await page.goto("/");
  await expect(card).toContainText(`— ${title}`);

  await page.goto("/admin/review?dyad=DZA-MAR");
  const form = page.getByRole("form", { name: `Reject Algeria towards Morocco on ${rejectDay}` });
  await form.getByRole("button", { name: "Reject" }).click();
  await expect(form.getByText("say why this cluster is rejected")).toBeVisible();
  await form.getByLabel("Reason for rejecting").fill("A statement already recorded by hand");
  await form.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("row").filter({ hasText: rejectDay })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await expect(page.getByRole("row").filter({ hasText: rejectDay })).toHaveCount(0);

  const statuses = await withDatabase((db) => db.candidateCluster.findMany({ where: { id: { in: [accepted.id, rejected.id] } }, select: { id: true, status: true } }));
  expect(new Map(statuses.map((s) => [s.id, s.status]))).toEqual(new Map([[accepted.id, "ACCEPTED"], [rejected.id, "REJECTED"]]));
});
