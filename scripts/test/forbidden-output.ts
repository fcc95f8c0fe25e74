// Lines no test step may print, even when every test passes: each is a bug the tests would
// otherwise let through. `npm test` watches every step's output (and so the end-to-end
// server's log) and fails the step that printed one.

export const FORBIDDEN_OUTPUT = [
  {
    pattern: /client\.query\(\) when the client is already executing a query/,
    reason:
      "node-postgres was sent a query while its connection was still busy with another (two statements at once on one connection, e.g. inside a transaction): serialise them (server/db-serial-transactions.ts)",
  },
] as const;

/**
 * Scans a stream's chunks as they pass; a line split across two chunks is still found, since
 * the tail of each chunk is kept and searched with the next.
 */
export function outputWatcher() {
  let tail = "";
  const found = new Set<string>();
  return {
    scan(chunk: string) {
      const text = tail + chunk;
      for (const { pattern, reason } of FORBIDDEN_OUTPUT) if (pattern.test(text)) found.add(reason);
      tail = text.slice(-200);
    },
    get problems(): string[] {
      return [...found];
    },
  };
}
