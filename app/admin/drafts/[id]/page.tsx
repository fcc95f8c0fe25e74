import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { AgreementForm } from "@/app/_components/forms/agreement-form";
import { ConditionForm } from "@/app/_components/forms/condition-form";
import { EventForm } from "@/app/_components/forms/event-form";
import { DraftPreview } from "@/app/_components/review/draft-preview";
import { DraftDecision, DraftStatusLine, WithdrawDraft, type DraftItem } from "@/app/_components/review/draft-list";
import { agreementInput } from "@/server/agreements/write-schemas";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";
import { conditionInput } from "@/server/conditions/schemas";
import { RECORD_PATHS } from "@/server/drafts/kinds";
import { env } from "@/server/env";
import { eventInput } from "@/server/events/schemas";

export const metadata: Metadata = { title: "Draft" };
export const dynamic = "force-dynamic";

type Draft = DraftItem & { baseVersion: number | null; values: unknown };

/** The draft's own form, filled with its values, for its author to edit and resubmit. */
async function DraftEditor({ draft }: { draft: Draft }) {
  const caller = await serverCaller();
  // The published record an edit was based on, at the version the draft was saved against.
  const edited = <V,>(values: V) => (draft.recordId && draft.baseVersion !== null ? { id: draft.recordId, version: draft.baseVersion, values } : undefined);
  const review = <V,>(values: V) => ({ required: env.REVIEW_REQUIRED, draft: { id: draft.id, version: draft.version, values } });
  const refused = <p className="error">This draft no longer passes the form&apos;s checks: withdraw it and start again.</p>;
  if (draft.recordType === "Event") {
    const parsed = eventInput.safeParse(draft.values);
    if (!parsed.success) return refused;
    const values = parsed.data;
    return <EventForm options={await caller.events.formOptions()} initial={edited(values)} review={review(values)} />;
  }
  if (draft.recordType === "Condition") {
    const parsed = conditionInput.safeParse(draft.values);
    if (!parsed.success) return refused;
    const values = parsed.data;
    return <ConditionForm options={{ dyads: await caller.relations.dyads() }} initial={edited(values)} review={review(values)} />;
  }
  const parsed = agreementInput.safeParse(draft.values);
  if (!parsed.success) return refused;
  const values = parsed.data;
  return <AgreementForm options={await caller.agreements.formOptions()} initial={edited(values)} review={review(values)} />;
}

export default async function DraftPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const draft = await orNotFound((await serverCaller()).drafts.byId({ id }));
  const open = draft.status === "PENDING" || draft.status === "RETURNED";
  return (
    <>
      <h1>Draft: {draft.title}</h1>
      <DraftStatusLine draft={draft} />
      {draft.status === "PUBLISHED" && draft.recordId && (
        <p className="notice">
          Published by {draft.reviewer?.name ?? "another admin"}: <Link href={`${RECORD_PATHS[draft.recordType]}${draft.recordId}`}>open the record</Link>.
        </p>
      )}
      {draft.status === "WITHDRAWN" && <p className="notice">Withdrawn{draft.fromEvent ? "" : " by its author"}: it changed nothing.</p>}
      {draft.recordId && open && (
        <p className="meta">
          The published version stays live until this edit is published: <Link href={`${RECORD_PATHS[draft.recordType]}${draft.recordId}`}>see it</Link>.
        </p>
      )}
      <DraftPreview preview={draft.preview} recordType={draft.recordType} title={draft.title} />
      {draft.mayDecide && draft.status === "PENDING" && <DraftDecision draft={draft} />}
      {!draft.mine && draft.mayWithdraw && open && <WithdrawDraft draft={draft} />}
      {draft.mine && open && (
        <section aria-labelledby="edit-draft">
          <h2 id="edit-draft">Edit and resubmit</h2>
          <p className="meta">Another admin publishes or returns it; your edits go back to the queue as its next version.</p>
          <WithdrawDraft draft={draft} />
          <DraftEditor draft={draft} />
        </section>
      )}
      <p>
        <Link href="/admin/review#drafts">Back to the review queue</Link> · <Link href={`/admin/audit?entityType=Draft&entityId=${draft.id}`}>history</Link>
      </p>
    </>
  );
}
