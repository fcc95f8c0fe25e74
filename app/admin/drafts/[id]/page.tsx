import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/app/_components/link";
import { AgreementForm } from "@/app/_components/forms/agreement-form";
import { ConditionForm } from "@/app/_components/forms/condition-form";
import { EventForm } from "@/app/_components/forms/event-form";
import { DraftPreview } from "@/app/_components/review/draft-preview";
import { DraftDecision, DraftStatusLine, WithdrawDraft, type DraftItem } from "@/app/_components/review/draft-list";
import { ResubmitDraft } from "@/app/_components/review/draft-origin";
import { agreementInput } from "@/server/agreements/write-schemas";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";
import { conditionInput } from "@/server/conditions/schemas";
import { RECORD_PATHS } from "@/server/drafts/kinds";
import { env } from "@/server/env";
import { eventInput } from "@/server/events/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("draft.title") };
}
export const dynamic = "force-dynamic";

type Draft = DraftItem & { baseVersion: number | null; values: unknown };

/** The draft's own form, filled with its values, for its author to edit and resubmit. */
async function DraftEditor({ draft }: { draft: Draft }) {
  const [caller, t] = await Promise.all([serverCaller(), getTranslations("review.draft")]);
  // The published record an edit was based on, at the version the draft was saved against.
  const edited = <V,>(values: V) => (draft.recordId && draft.baseVersion !== null ? { id: draft.recordId, version: draft.baseVersion, values } : undefined);
  const review = <V,>(values: V) => ({ required: env.REVIEW_REQUIRED, draft: { id: draft.id, version: draft.version, values } });
  const refused = <p className="error">{t("invalid")}</p>;
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
  const [draft, t] = await Promise.all([orNotFound((await serverCaller()).drafts.byId({ id })), getTranslations("review.draft")]);
  const open = draft.status === "PENDING" || draft.status === "RETURNED";
  const recordLink = (chunks: ReactNode) => <Link href={`${RECORD_PATHS[draft.recordType]}${draft.recordId}`}>{chunks}</Link>;
  return (
    <>
      <h1 dir="auto">{t("heading", { title: draft.title })}</h1>
      <DraftStatusLine draft={draft} />
      {draft.status === "PUBLISHED" && draft.recordId && (
        <p className="notice">
          {draft.reviewer?.name ? t.rich("published", { name: draft.reviewer.name, link: recordLink }) : t.rich("publishedByAnother", { link: recordLink })}
        </p>
      )}
      {draft.status === "WITHDRAWN" && <p className="notice">{draft.fromEvent ? t("withdrawn") : t("withdrawnByAuthor")}</p>}
      {draft.recordId && open && (
        <p className="meta">{t.rich("liveVersion", { link: recordLink })}</p>
      )}
      <DraftPreview preview={draft.preview} recordType={draft.recordType} title={draft.title} />
      {draft.mayDecide && draft.status === "PENDING" && <DraftDecision draft={draft} />}
      {!draft.mine && draft.mayWithdraw && open && <WithdrawDraft draft={draft} />}
      {draft.mine && open && (
        <section aria-labelledby="edit-draft">
          <h2 id="edit-draft">{t("edit")}</h2>
          <p className="meta">{t("editIntro")}</p>
          {draft.status === "RETURNED" && <ResubmitDraft draft={draft} />}
          <WithdrawDraft draft={draft} />
          {draft.archive === null ? <DraftEditor draft={draft} /> : draft.status === "RETURNED" && <p className="meta">{t("archiveReturned")}</p>}
        </section>
      )}
      <p>
        <Link href="/admin/review#drafts">{t("back")}</Link> · <Link href={`/admin/audit?entityType=Draft&entityId=${draft.id}`}>{t("history")}</Link>
      </p>
    </>
  );
}
