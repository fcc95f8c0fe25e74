// Deciding many drafts at once: each draft is published or returned exactly as a single decision
// is (its own transaction, its own audit entry, four eyes, its version checked), one after the
// other, so a refusal of one changes nothing of it and nothing of the others. The answer names
// each refusal with its reason.
import { canReviewDraft, type SessionUser } from "../auth/permissions";
import type { Db } from "../db-client";
import { AppError, FieldErrors } from "../shared/errors";
import { said } from "../shared/said";
import { publishDraft, returnDraft } from "./service";

export type BulkDecision = { kind: "publish" } | { kind: "return"; comment: string };

export interface BulkOutcome {
  /** The drafts published or returned. */
  decided: { id: string; title: string }[];
  refused: { id: string; title: string; reason: string }[];
}

/** Why one draft was refused, as a reader is told (a form's field messages say little out of their form). */
function reasonOf(error: AppError): string {
  return error instanceof FieldErrors ? said("draftNoLongerValid") : error.message;
}

export async function decideDrafts(input: { db: Db; reviewer: SessionUser; drafts: { id: string; version: number }[]; decision: BulkDecision; today: number }): Promise<BulkOutcome> {
  const { db, reviewer, decision, today } = input;
  const refs = [...new Map(input.drafts.map((d) => [d.id, d])).values()];
  const known = await db.draft.findMany({ where: { id: { in: refs.map((d) => d.id) } }, select: { id: true, title: true, authorId: true } });
  const byId = new Map(known.map((d) => [d.id, d]));
  const outcome: BulkOutcome = { decided: [], refused: [] };
  for (const ref of refs) {
    const draft = byId.get(ref.id);
    const title = draft?.title ?? "";
    if (!draft) {
      outcome.refused.push({ id: ref.id, title, reason: said("noSuchDraft") });
      continue;
    }
    // Four eyes, said plainly here; publishDraft and returnDraft refuse it again on their own.
    if (!canReviewDraft(reviewer, draft)) {
      outcome.refused.push({ id: ref.id, title, reason: said("ownDraft") });
      continue;
    }
    try {
      if (decision.kind === "publish") await publishDraft({ db, reviewer, id: ref.id, version: ref.version, today });
      else await returnDraft({ db, reviewer, id: ref.id, version: ref.version, comment: decision.comment });
      outcome.decided.push({ id: ref.id, title });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.refused.push({ id: ref.id, title, reason: reasonOf(error) });
    }
  }
  return outcome;
}
