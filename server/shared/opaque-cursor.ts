// Page cursors opaque to clients: base64url JSON, so a list's sort key can change without
// breaking their code, read back only when it has the shape its list wrote.
import type { z } from "zod";

export function encodeOpaque(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

/** The payload a cursor carries when `schema` accepts it; null for anything else. */
export function decodeOpaque<T>(cursor: string, schema: z.ZodType<T>): T | null {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
