"use client";
// Saving a record form for review: "Submit for review" saves a draft (drafts.save) instead of the
// record; with REVIEW_REQUIRED it is the form's only button. A draft opened from its page is saved
// again as its author's next version. The record itself changes only when another admin publishes.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { z } from "zod";
import { useTRPCClient } from "@/app/_trpc/client";
import type { saveDraftInput } from "@/server/drafts/schemas";
import { SubmitButton } from "./form-fields";

/** How a form saves: straight to the record, or for review; `draft` when it edits one. */
export interface ReviewMode<V> {
  /** REVIEW_REQUIRED: the form offers no direct save. */
  required: boolean;
  /** The draft the form edits (its values fill the form), at the version its author loaded. */
  draft?: { id: string; version: number; values: V };
}

/** What a record form (condition, agreement) takes: its choices, the record it edits, how it saves. */
export interface RecordFormProps<Options, V> {
  options: Options;
  initial?: { id: string; version: number; values: V };
  review?: ReviewMode<V>;
}

type SaveInput = z.input<typeof saveDraftInput>;
/** One record type's values, as the form gives them (the union kept per type). */
type DraftSave = SaveInput extends infer U ? (U extends SaveInput ? Omit<U, "target" | "draft"> : never) : never;

/**
 * The choice the form's buttons make before it submits (a ref: the submit reads it in the same
 * event), and the draft save itself. `edited` is the published record the form edits, at the
 * version the save goes against.
 */
export function useReviewChoice<V>(review: ReviewMode<V> | undefined) {
  const client = useTRPCClient();
  const onlyForReview = review !== undefined && (review.required || review.draft !== undefined);
  const forReview = useRef(onlyForReview);
  const [choice, setChoice] = useState<"publish" | "review">(onlyForReview ? "review" : "publish");
  const choose = (next: "publish" | "review") => {
    forReview.current = next === "review";
    setChoice(next);
  };
  const saveDraft = async (save: DraftSave, edited: { id: string; version: number } | undefined): Promise<{ id: string; draft: true }> => {
    const draft = review?.draft && { id: review.draft.id, version: review.draft.version };
    const { id } = await client.drafts.save.mutate({ ...save, target: edited, draft });
    return { id, draft: true };
  };
  return { review, onlyForReview, choice, choose, isForReview: () => forReview.current, saveDraft };
}

/** Where a save leads: a draft's own page, or the record's. */
export const afterSave = (saved: { id: string; draft?: boolean }, recordPage: (id: string) => string) => (saved.draft ? `/admin/drafts/${saved.id}` : recordPage(saved.id));

/** The form's submit buttons: the direct save (unless review is required) and "Submit for review". */
export function SaveButtons<V>({ saving, label, reviewing }: { saving: boolean; label: string; reviewing: ReturnType<typeof useReviewChoice<V>> }) {
  const { review, onlyForReview, choice, choose } = reviewing;
  const t = useTranslations("forms.save");
  return (
    <>
      {!onlyForReview && (
        <SubmitButton busy={saving} onClick={() => choose("publish")}>
          {saving && choice === "publish" ? t("saving") : label}
        </SubmitButton>
      )}
      {review && (
        <>
          {" "}
          <SubmitButton busy={saving} onClick={() => choose("review")}>
            {saving && choice === "review" ? t("submitting") : review.draft ? t("resubmit") : t("submit")}
          </SubmitButton>
        </>
      )}
    </>
  );
}
