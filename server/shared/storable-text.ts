// PostgreSQL cannot store U+0000 in text, nor an unpaired UTF-16 surrogate in jsonb: a string
// carrying one fails in the database, as a 500, wherever it lands (a name, an id in a WHERE
// clause, a saved view's state). No keyboard or browser form produces either, so they are
// refused before any procedure runs: every field at once, today's and tomorrow's.
import { said } from "./said";

export const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";

export const isStorableText = (text: string) => !text.includes("\u0000") && !UNPAIRED_SURROGATE.test(text);

/**
 * The refusal naming where an unstorable string was found. The path is the client's (its keys), and
 * `said` remembers each sentence it says: cut to a short quote, a hostile body's long keys cannot
 * fill that memory.
 */
export function unstorableTextRefusal(path: string[]): string {
  return said("unstorableTextAt", { path: JSON.stringify(path.join(".").slice(0, 120)) });
}

/** The path to the first string (or object key) that cannot be stored, or null when there is none. */
export function pathOfUnstorableText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, key];
    const found = pathOfUnstorableText(child, [...path, key]);
    if (found) return found;
  }
  return null;
}
