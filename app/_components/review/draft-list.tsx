"use client";
// Drafts in the review queue, for admins: each marked as a draft, with its author, the reviewer's
// comment when it came back, the preview of its effect, and Publish / Return for any admin but its
// author (the server refuses the author too). The page's data is rendered again after a decision.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import { returnDraftInput } from "@/server/drafts/schemas";
import { Field, FormMessage } from "../forms/form-fields";
import { ActionError } from "../refreshing-action";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { DraftPreview, type DyadMovePreview } from "./draft-preview";

export interface DraftItem {
  id: string;
  version: number;
  recordType: "Event" | "Condition" | "Agreement";
  recordId: string | null;
  title: string;
  status: "PENDING" | "RETURNED" | "PUBLISHED" | "WITHDRAWN";
  author: string;
  mine: boolean;
  mayDecide: boolean;
  /** A proposal from a published event has no author: any admin may withdraw it. */
  mayWithdraw: boolean;
  fromEvent: { id: string; title: string } | null;
  comment: string | null;
  updatedAt: Date;
  reviewer: { name: string } | null;
  preview: DyadMovePreview[];
}

const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Publish, and Return with a comment: the decisions of an admin who did not write the draft. */
export function DraftDecision({ draft }: { draft: Pick<DraftItem, "id" | "version" | "title"> }) {
  const trpc = useTRPC();
  const form = useSchemaForm(returnDraftInput, { defaultValues: { id: draft.id, version: draft.version, comment: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const publish = useMutation(trpc.drafts.publish.mutationOptions(options));
  const giveBack = useMutation(trpc.drafts.return.mutationOptions(options));
  const busy = publish.isPending || giveBack.isPending;
  return (
    <div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => publish.mutate({ id: draft.id, version: draft.version })} aria-label={`Publish ${draft.title}`}>
          {publish.isPending ? "Publishing…" : "Publish"}
        </button>
      </div>
      <form className="inline-form" noValidate aria-label={`Return ${draft.title}`} onSubmit={form.handleSubmit((data) => giveBack.mutate(data))}>
        <Field form={form} name="comment" label="Comment for the author">
          {(props) => <input {...props} maxLength={2000} />}
        </Field>
        <button type="submit" disabled={busy}>
          {giveBack.isPending ? "Returning…" : "Return to author"}
        </button>
      </form>
      <FormMessage form={form} hidden="id" />
    </div>
  );
}

/** Where a draft stands, and who may do what next. */
export function DraftStatusLine({ draft }: { draft: DraftItem }) {
  const what = draft.recordId ? "edit of a published " : "new ";
  return (
    <>
      <p className="meta">
        <span className="badge">Draft</span> {what}
        {draft.recordType.toLowerCase()} by {draft.author}, last submitted {when(draft.updatedAt)}
        {draft.status === "RETURNED" ? ` · returned by ${draft.reviewer?.name ?? "a reviewer"}` : ""}
      </p>
      {draft.fromEvent && (
        <p className="meta">
          Proposed from event <Link href={`/events/${draft.fromEvent.id}`}>{draft.fromEvent.title}</Link>: the method&apos;s table of events that open or end a
          standing condition (<Link href="/methodology#standing-conditions">methodology</Link>). Publish it, or withdraw it if it does not apply.
        </p>
      )}
      {draft.comment && (
        <p className="notice">
          {draft.status === "RETURNED" ? "Reviewer's comment" : "Earlier comment"}: {draft.comment}
        </p>
      )}
    </>
  );
}

export function DraftList({ drafts }: { drafts: DraftItem[] }) {
  return (
    <ul className="draft-list" aria-label="Drafts waiting for review">
      {drafts.map((draft) => (
        <li key={draft.id}>
          <article className="panel" aria-label={`Draft: ${draft.title}`}>
            <h3>
              <Link href={`/admin/drafts/${draft.id}`}>{draft.title}</Link>
            </h3>
            <DraftStatusLine draft={draft} />
            <DraftPreview preview={draft.preview} recordType={draft.recordType} title={draft.title} />
            {draft.mayDecide && draft.status === "PENDING" && <DraftDecision draft={draft} />}
            {draft.mine && <p className="meta">Your draft: another admin publishes or returns it. <Link href={`/admin/drafts/${draft.id}`}>Open it to edit</Link></p>}
            {!draft.mine && draft.status === "RETURNED" && <p className="meta">{draft.fromEvent ? "Returned: withdraw it, or record the condition yourself." : "Back with its author."}</p>}
            {!draft.mine && draft.mayWithdraw && <WithdrawDraft draft={draft} />}
          </article>
        </li>
      ))}
    </ul>
  );
}

/** The author (any admin, for a proposal from an event) gives the draft up: it leaves the queue and never changes a record. */
export function WithdrawDraft({ draft }: { draft: Pick<DraftItem, "id" | "version" | "title"> }) {
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
      <button type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ id: draft.id, version: draft.version })} aria-label={`Withdraw this draft: ${draft.title}`}>
        {withdraw.isPending ? "Withdrawing…" : "Withdraw this draft"}
      </button>
      <ActionError error={withdraw.error?.message ?? null} />
    </p>
  );
}
