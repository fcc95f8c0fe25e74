// The /views page cursor: the sort key (updatedAt, id) of the row a page starts after, and which way
// it reads: older (the next page) or newer (the previous one). A keyset, not an offset: a view saved
// meanwhile neither repeats nor hides a row. Short and URL-safe, so it can sit in a page address.
export interface ViewPosition {
  towards: "older" | "newer";
  updatedAt: Date;
  id: string;
}

const CURSOR = /^([on])(\d{1,15})-([A-Za-z0-9_-]{1,64})$/;

export function encodeViewCursor({ towards, updatedAt, id }: ViewPosition): string {
  return `${towards === "older" ? "o" : "n"}${updatedAt.getTime()}-${id}`;
}

/** The position a cursor stands for, or null when it is not one of ours. */
export function decodeViewCursor(cursor: string): ViewPosition | null {
  const match = CURSOR.exec(cursor);
  if (!match) return null;
  const [, towards, time, id] = match;
  // Fifteen digits stay within the dates JavaScript can hold.
  if (!time || !id) return null;
  return { towards: towards === "n" ? "newer" : "older", updatedAt: new Date(Number(time)), id };
}
