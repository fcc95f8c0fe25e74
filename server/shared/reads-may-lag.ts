// Whether the read under way may be answered a moment behind the latest write: from a read
// replica, or from a kept answer a write has just replaced while its new read is under way
// (server/shared/instance-cache.ts, `lagMs`). The tRPC ladder opens this scope for queries from a
// browser that did not write in the last few seconds (server/trpc.ts); anything else (a browser
// reading its own write, a mutation, a job, a script, a test) reads current values only.
import { AsyncLocalStorage } from "node:async_hooks";

// On globalThis: Next may bundle this module into several chunks, each with its own module scope.
const registry = globalThis as { readsMayLagScope?: AsyncLocalStorage<true> };
const scope = (registry.readsMayLagScope ??= new AsyncLocalStorage<true>());

/** Runs `work` (and everything it awaits) as a read that may lag a moment behind writes. */
export function whereReadsMayLag<T>(work: () => T): T {
  return scope.run(true, work);
}

/** Whether the caller runs in `whereReadsMayLag`. */
export function readsMayLag(): boolean {
  return scope.getStore() === true;
}
