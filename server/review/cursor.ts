// The review queue's page cursor: the last shown cluster's (lastSeenAt, id), so the next page
// starts right after it whatever arrives meanwhile. Opaque (base64url JSON) to clients.
import { z } from "zod";
import { decodeOpaque, encodeOpaque } from "../shared/opaque-cursor";

export interface QueuePosition {
  lastSeenAt: Date;
  id: string;
}

const positionSchema = z.object({ v: z.literal(1), t: z.iso.datetime(), i: z.string().min(1).max(64) });

export function encodeQueueCursor(position: QueuePosition): string {
  return encodeOpaque({ v: 1, t: position.lastSeenAt.toISOString(), i: position.id });
}

/** The position a cursor stands for, or null when it is not one of ours. */
export function decodeQueueCursor(cursor: string): QueuePosition | null {
  const parsed = decodeOpaque(cursor, positionSchema);
  return parsed ? { lastSeenAt: new Date(parsed.t), id: parsed.i } : null;
}
