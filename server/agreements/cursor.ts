// The feed's page cursor: the sort key of the last row shown, so the next page starts right
// after it whatever was inserted meanwhile (no OFFSET: no duplicates, no gaps). Opaque to
// clients (base64url JSON) so the key can change without breaking their code.
import { z } from "zod";
import { decodeOpaque, encodeOpaque } from "../shared/opaque-cursor";
import { said } from "../shared/said";

export interface FeedPosition {
  /** The last row's date ("YYYY-MM-DD"), null for an undated (anticipated) agreement. */
  date: string | null;
  id: string;
  /** The last row's relevance, present when the list is ordered by a search. */
  rank?: number;
}

const positionSchema = z.object({
  v: z.literal(1),
  d: z.iso.date().nullable(),
  i: z.string().min(1).max(64),
  r: z.number().finite().optional(),
});

export function encodeCursor(position: FeedPosition): string {
  const payload: z.input<typeof positionSchema> = { v: 1, d: position.date, i: position.id };
  if (position.rank !== undefined) payload.r = position.rank;
  return encodeOpaque(payload);
}

/** The position a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): FeedPosition | null {
  const parsed = decodeOpaque(cursor, positionSchema);
  if (!parsed) return null;
  const { d, i, r } = parsed;
  return r === undefined ? { date: d, id: i } : { date: d, id: i, rank: r };
}

/** A cursor from a list ordered otherwise (by relevance vs by date): the list must restart. */
export class StaleCursorError extends Error {
  constructor() {
    super(said("feedOrderChanged"));
    this.name = "StaleCursorError";
  }
}
