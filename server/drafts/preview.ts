// The review screen's preview: for each dyad a draft touches (its own, and for an edit that moves
// a record, the one it leaves), the index today and on the record's own day, before → after.
// One read of each dyad's live events and conditions; nothing is written.
import { conditionInput } from "../conditions/schemas";
import { conditionRecord } from "../conditions/write";
import type { DbOrTx } from "../db-client";
import { eventInput } from "../events/schemas";
import { eventRecord } from "../events/write";
import { dyadLabel } from "../method/dyad-label";
import { fromDay, toDay } from "../method/day";
import type { IndexCondition, IndexEvent } from "../method/index-math";
import { indexConditionOf, liveConditions } from "../relations/rollup";
import { indexMoves, type IndexInputs, type IndexMove } from "./preview-math";
import type { StoredDraft } from "./service";

export interface DyadPreview {
  dyad: { key: string; label: string };
  moves: (IndexMove & { date: string })[];
}

/** What the draft proposes, where it weighs, and the stored record it replaces there. */
interface Proposal {
  dyadKey: string;
  day: number;
  events: IndexEvent[];
  conditions: IndexCondition[];
  /** The dyad the published record weighs on now, when the draft edits one that counts. */
  storedDyadId: string | null;
}

const PROPOSED = "draft";

async function proposalOf(db: DbOrTx, draft: Pick<StoredDraft, "recordType" | "recordId" | "values" | "archive">): Promise<Proposal | null> {
  const stored = draft.recordId ? await storedPlacement(db, draft.recordType, draft.recordId) : null;
  // An archived record stays archived when its edit is published: it counts neither before nor
  // after. An archive draft takes it out; a restore draft brings it back.
  const archived = draft.archive ?? stored?.archived ?? false;
  if (draft.recordType === "Event") {
    const parsed = eventInput.safeParse(draft.values);
    if (!parsed.success) return null;
    const { score, placementDate } = eventRecord.columns(parsed.data, "");
    const day = toDay(placementDate);
    return { dyadKey: parsed.data.dyad, day, events: archived ? [] : [{ id: PROPOSED, day, score }], conditions: [], storedDyadId: stored?.dyadId ?? null };
  }
  if (draft.recordType === "Condition") {
    const parsed = conditionInput.safeParse(draft.values);
    if (!parsed.success) return null;
    const condition = indexConditionOf({ id: PROPOSED, ...conditionRecord.columns(parsed.data, "") });
    return { dyadKey: parsed.data.dyad, day: condition.startDay, events: [], conditions: archived ? [] : [condition], storedDyadId: stored?.dyadId ?? null };
  }
  return null;
}

async function storedPlacement(db: DbOrTx, type: StoredDraft["recordType"], id: string): Promise<{ dyadId: string; archived: boolean } | null> {
  const select = { dyadId: true, archivedAt: true } as const;
  const row = type === "Event" ? await db.event.findUnique({ where: { id }, select }) : type === "Condition" ? await db.condition.findUnique({ where: { id }, select }) : null;
  return row ? { dyadId: row.dyadId, archived: row.archivedAt !== null } : null;
}

/** A dyad's live events and conditions as the index reads them: one read each. */
async function indexInputs(db: DbOrTx, dyadId: string): Promise<IndexInputs> {
  const [events, conditions] = await Promise.all([
    db.event.findMany({ where: { dyadId, archivedAt: null }, select: { id: true, placementDate: true, score: true } }),
    liveConditions(db, dyadId),
  ]);
  return { events: events.map((e) => ({ id: e.id, day: toDay(e.placementDate), score: e.score })), conditions };
}

/** A reader of dyads' inputs that reads each dyad once, for a page of drafts that share dyads. */
export function sharedInputs(db: DbOrTx): (dyadId: string) => Promise<IndexInputs> {
  const read = new Map<string, Promise<IndexInputs>>();
  return (dyadId) => {
    const inputs = read.get(dyadId) ?? indexInputs(db, dyadId);
    read.set(dyadId, inputs);
    return inputs;
  };
}

/**
 * How publishing the draft would move each dyad it touches; empty for a record outside the index
 * (an agreement) or values that no longer pass the form's checks. `inputsOf` (sharedInputs) lets a
 * list of drafts read each dyad once.
 */
export async function draftPreview(input: {
  db: DbOrTx;
  draft: Pick<StoredDraft, "recordType" | "recordId" | "values" | "archive">;
  today: number;
  inputsOf?: (dyadId: string) => Promise<IndexInputs>;
}): Promise<DyadPreview[]> {
  const { db, draft, today, inputsOf = sharedInputs(db) } = input;
  const proposal = await proposalOf(db, draft);
  if (!proposal) return [];
  const dyadSelect = { id: true, key: true, a: { select: { code: true, name: true } }, b: { select: { code: true, name: true } } } as const;
  const dyads = await db.dyad.findMany({
    where: { OR: [{ key: proposal.dyadKey }, ...(proposal.storedDyadId ? [{ id: proposal.storedDyadId }] : [])] },
    select: dyadSelect,
    orderBy: { key: "asc" },
  });
  const days = [today, ...(proposal.day <= today ? [proposal.day] : [])];
  return Promise.all(
    dyads.map(async (dyad) => {
      const here = dyad.key === proposal.dyadKey;
      const change = { replaces: draft.recordId, events: here ? proposal.events : [], conditions: here ? proposal.conditions : [] };
      const moves = indexMoves(await inputsOf(dyad.id), change, days);
      return { dyad: { key: dyad.key, label: dyadLabel(dyad) }, moves: moves.map((m) => ({ ...m, date: fromDay(m.day) })) };
    }),
  );
}
