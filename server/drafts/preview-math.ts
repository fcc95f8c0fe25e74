// What a draft would do to a dyad's index, computed with the published method over the dyad's
// stored inputs with and without the draft. Pure: the reads are preview.ts's, nothing is written.
import { bandOf, decay, indexValue, ledgerOn, type IndexCondition, type IndexEvent } from "../method/index-math";
import { METHOD, type Band, type Method } from "../method/params";

/** A dyad's live events and conditions, as the index reads them. */
export interface IndexInputs {
  events: readonly IndexEvent[];
  conditions: readonly IndexCondition[];
}

/** What a draft changes in a dyad's inputs: the stored record it replaces, and what it adds. */
export interface ProposedChange {
  /** The published record the draft edits (left out of "after"); null for a new record. */
  replaces: string | null;
  events: readonly IndexEvent[];
  conditions: readonly IndexCondition[];
}

export interface IndexMove {
  day: number;
  before: number;
  after: number;
  bandBefore: Band;
  bandAfter: Band;
}

/** I on `day` from raw inputs: P sums the events placed on or before it, decayed; B the conditions in force. */
export function indexOn(inputs: IndexInputs, day: number, method: Method = METHOD): number {
  let pulse = 0;
  for (const e of inputs.events) if (!e.archived && e.day <= day) pulse += e.score * decay(day - e.day, method);
  return indexValue(ledgerOn(inputs.conditions, day), pulse, method);
}

/** The inputs once the draft is published. */
export function withChange(inputs: IndexInputs, change: ProposedChange): IndexInputs {
  return {
    events: [...inputs.events.filter((e) => e.id !== change.replaces), ...change.events],
    conditions: [...inputs.conditions.filter((c) => c.id !== change.replaces), ...change.conditions],
  };
}

/** Before → after on each day asked, with the band on each side. */
export function indexMoves(inputs: IndexInputs, change: ProposedChange, days: readonly number[], method: Method = METHOD): IndexMove[] {
  const after = withChange(inputs, change);
  return [...new Set(days)].map((day) => {
    const [was, will] = [indexOn(inputs, day, method), indexOn(after, day, method)];
    return { day, before: was, after: will, bandBefore: bandOf(was, method), bandAfter: bandOf(will, method) };
  });
}

/** The size of a draft's effect: the largest |after − before| of its preview, 0 when it moves nothing. */
export function largestChange(previews: readonly { moves: readonly Pick<IndexMove, "before" | "after">[] }[]): number {
  let largest = 0;
  for (const { moves } of previews) for (const m of moves) largest = Math.max(largest, Math.abs(m.after - m.before));
  return largest;
}
