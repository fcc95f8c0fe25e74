"use client";
// A draft as the review screens show it, for admins: marked as a draft, with its author, the
// reviewer's comment when it came back, the preview of its effect, and Publish / Return for any
// admin but its author (the server refuses the author too). The page's data is rendered again
// after a decision.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import { returnDraftInput } from "@/server/drafts/schemas";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { ActionError } from "../refreshing-action";
import { linkTag } from "../rich-tags";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { useFormat } from "../use-format";
import { DraftOrigin } from "./draft-origin";
import { DraftPreview, type DyadMovePreview } from "./draft-preview";

export interface DraftItem {
  id: string;
  version: number;
  recordType: "Event" | "Condition" | "Agreement";
  recordId: string | null;
  title: string;
  status: "PENDING" | "RETURNED" | "PUBLISHED" | "WITHDRAWN";
  author: string;
  /** Whether `author` names a user, or the draft was proposed from an event, or its author was removed. */
  authorKind: "user" | "system" | "removed";
  mine: boolean;
  mayDecide: boolean;
  /** A proposal from a published event has no author: any admin may withdraw it. */
  mayWithdraw: boolean;
  fromEvent: { id: string; title: string } | null;
  comment: string | null;
  updatedAt: Date;
  reviewer: { name: string } | null;
  preview: DyadMovePreview[];
  /** The batch it came in (an import, a headline, a GDELT cluster); null from a form. */
  source: string | null;
  /** An archive (true) or a restore (false) of the record; null for its values. */
  archive: boolean | null;
}

/** Publish, and Return with a comment: the decisions of an admin who did not write the draft. */
export function DraftDecision({ draft }: { draft: Pick<DraftItem, "id" | "version" | "title"> }) {
  const t = useTranslations("review.drafts");
  const trpc = useTRPC();
  const form = useSchemaForm(returnDraftInput, { defaultValues: { id: draft.id, version: draft.version, comment: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const publish = useMutation(trpc.drafts.publish.mutationOptions(options));
  const giveBack = useMutation(trpc.drafts.return.mutationOptions(options));
  const busy = publish.isPending || giveBack.isPending;
  return (
    <div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => publish.mutate({ id: draft.id, version: draft.version })} aria-label={t("publishLabel", { title: draft.title })}>
          {publish.isPending ? t("publishing") : t("publish")}
        </button>
      </div>
      <form className="inline-form" noValidate aria-label={t("returnForm", { title: draft.title })} onSubmit={form.handleSubmit((data) => giveBack.mutate(data))}>
        <Field form={form} name="comment" label={t("comment")}>
          {(props) => <input {...props} maxLength={2000} />}
        </Field>
        <SubmitButton busy={busy}>
          {giveBack.isPending ? t("returning") : t("return")}
        </SubmitButton>
      </form>
      <FormMessage form={form} hidden="id" />
    </div>
  );
}

/** Where a draft stands, and who may do what next. */
export function DraftStatusLine({ draft, effect }: { draft: DraftItem; effect?: number }) {
  const t = useTranslations("review.drafts");
  const format = useFormat();
  const author = draft.authorKind === "system" ? t("system") : draft.authorKind === "removed" ? t("removedUser") : draft.author;
  const returned = draft.reviewer?.name ? t("returnedBy", { name: draft.reviewer.name }) : t("returnedByReviewer");
  const line = t("line", { edit: draft.recordId ? "yes" : "no", type: draft.recordType, author, when: format.moment(draft.updatedAt) });
  const eventLink = (chunks: ReactNode) =>
    draft.fromEvent && (
      <Link href={`/events/${draft.fromEvent.id}`} dir="auto">
        {chunks}
      </Link>
    );
  return (
    <>
      <p className="meta">
        <span className="badge">{t("badge")}</span> {line}
        {draft.status === "RETURNED" ? returned : ""}
      </p>
      {effect !== undefined && draft.preview.length > 0 && <p className="meta">{t("effect", { points: format.number(effect, { maximumFractionDigits: 1 }) })}</p>}
      <DraftOrigin draft={draft} />
      {draft.fromEvent && (
        <p className="meta">
          {t.rich("proposedFrom", { title: draft.fromEvent.title, event: eventLink, link: linkTag("/methodology#standing-conditions") })}
        </p>
      )}
      {draft.comment && (
        <p className="notice" dir="auto">
          {draft.status === "RETURNED" ? t("reviewerComment", { comment: draft.comment }) : t("earlierComment", { comment: draft.comment })}
        </p>
      )}
    </>
  );
}

/** One draft in the queue: its link, where it stands, its preview and what the viewer may do. */
export function DraftCard({ draft, effect, chooser }: { draft: DraftItem; effect?: number; chooser?: ReactNode }) {
  const t = useTranslations("review.drafts");
  return (
    <>
      {chooser}
      <h3>
        <Link href={`/admin/drafts/${draft.id}`} dir="auto">
          {draft.title}
        </Link>
      </h3>
      <DraftStatusLine draft={draft} effect={effect} />
      <DraftPreview preview={draft.preview} recordType={draft.recordType} title={draft.title} />
      {draft.mayDecide && draft.status === "PENDING" && <DraftDecision draft={draft} />}
      {draft.mine && (
        <p className="meta">
          {t("mine")} <Link href={`/admin/drafts/${draft.id}`}>{t("openToEdit")}</Link>
        </p>
      )}
      {!draft.mine && draft.status === "RETURNED" && <p className="meta">{draft.fromEvent ? t("returnedProposal") : t("backWithAuthor")}</p>}
      {!draft.mine && draft.mayWithdraw && <WithdrawDraft draft={draft} />}
    </>
  );
}

/** The author (any admin, for a proposal from an event) gives the draft up: it leaves the queue and never changes a record. */
export function WithdrawDraft({ draft }: { draft: Pick<DraftItem, "id" | "version" | "title"> }) {
  const t = useTranslations("review.drafts");
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useMutation(
    trpc.drafts.withdraw.mutationOptions({
      onSuccess: () => {
        router.push("/admin/review#drafts");
        // From the queue itself the address does not change: read the list again.
        router.refresh();
      },
    }),
  );
  return (
    <p>
      <button type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ id: draft.id, version: draft.version })} aria-label={t("withdrawLabel", { title: draft.title })}>
        {withdraw.isPending ? t("withdrawing") : t("withdraw")}
      </button>
      <ActionError error={withdraw.error?.message ?? null} />
    </p>
  );
}
