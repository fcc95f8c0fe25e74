// Named (prepared) statements: node-postgres parses a named statement once per connection and
// PostgreSQL keeps its plan, where an unnamed one is parsed and planned again on every call.
// The app sends the same few hundred statements over and over, so under load this saves the
// database most of its per-query work. The name is a digest of the text, the same on every
// connection and every instance.
import { createHash } from "node:crypto";
import type { SqlQuery } from "@prisma/driver-adapter-utils";

/** Statements seen so far; the app's are a bounded set, but a text built from data must not grow this forever. */
const names = new Map<string, string>();
const REMEMBERED = 2_000;

export function statementName(query: Pick<SqlQuery, "sql">): string {
  const known = names.get(query.sql);
  if (known) return known;
  const name = `mm_${createHash("sha1").update(query.sql).digest("base64url")}`;
  if (names.size >= REMEMBERED) names.clear();
  names.set(query.sql, name);
  return name;
}
