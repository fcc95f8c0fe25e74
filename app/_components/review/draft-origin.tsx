"use client";
// What a draft made outside the forms says about itself: the batch it came in (an import's file, a
// headline, a GDELT cluster), whether it archives or restores a record; and, for its author once it
// is returned, resubmitting it unchanged (an archive has no fields to edit).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { ActionError, useRefreshingAction } from "../refreshing-action";

export interface DraftOriginItem {
  id: string;
  version: number;
  title: string;
  recordType: "Event" | "Condition" | "Agreement";
  source: string | null;
  archive: boolean | null;
}

/** A batch label in a sentence: user data, so its own direction. Outside render (rich tags remount otherwise). */
export const batchTag = (words: ReactNode) => <code dir="auto">{words}</code>;

export function DraftOrigin({ draft }: { draft: DraftOriginItem }) {
  const t = useTranslations("review.draft");
  return (
    <>
      {draft.archive !== null && <p className="notice">{t(draft.archive ? "archive" : "restore", { type: draft.recordType })}</p>}
      {draft.source && (
        <p className="meta">
          {t.rich("batch", { source: draft.source, code: batchTag })}
        </p>
      )}
    </>
  );
}

/** Its author sends a returned draft back to the queue as it is. */
export function ResubmitDraft({ draft }: { draft: Pick<DraftOriginItem, "id" | "version" | "title"> }) {
  const t = useTranslations("review.draft");
  const trpc = useTRPC();
  const resubmit = useMutation(trpc.drafts.resubmit.mutationOptions());
  const { run, pending, error } = useRefreshingAction();
  return (
    <p>
      <button type="button" disabled={pending} onClick={() => run(() => resubmit.mutateAsync({ id: draft.id, version: draft.version }))} aria-label={t("resubmitLabel", { title: draft.title })}>
        {pending ? t("resubmitting") : t("resubmit")}
      </button>
      <ActionError error={error} />
    </p>
  );
}
