import type { z } from "zod";

/**
 * Parses what it can: each top-level field the schema refuses is dropped, so its default applies,
 * and named in `dropped`. Checks across fields (from ≤ to) run only once the fields pass, hence
 * more than one round. When nothing is left to drop, `fallback` is parsed instead.
 */
export function parseLeniently<T>(schema: z.ZodType<T>, raw: Record<string, unknown>, fallback: Record<string, unknown> = {}): { data: T; dropped: string[] } {
  const input = { ...raw };
  const dropped: string[] = [];
  for (;;) {
    const result = schema.safeParse(input);
    if (result.success) return { data: result.data, dropped };
    const keys = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")));
    // A refusal of no droppable field (of the whole input, or of a field the fallback keeps): start from the fallback.
    if ([...keys].some((key) => !(key in input) || key in fallback)) {
      return { data: schema.parse(fallback), dropped: [...dropped, ...Object.keys(input).filter((key) => !(key in fallback))] };
    }
    for (const key of keys) {
      delete input[key];
      dropped.push(key);
    }
  }
}
