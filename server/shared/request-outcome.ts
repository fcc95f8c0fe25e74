// What went wrong while a request was served, noted where the app knows it (a database refusal)
// and read by our HTTP server (server/http/node-server.ts) when the response's status is
// written: Next.js answers a page that failed on the server 500 whatever the cause, and pages
// give no hook to choose the status, so the server turns a 500 whose cause was the database into
// a 503 with Retry-After. The server keeps the per-request store (an AsyncLocalStorage) on
// globalThis: it runs outside Next's bundles, and this module is bundled for browsers too, where
// there is no store and nothing is noted.
import type { AppError } from "./errors";

export interface RequestOutcome {
  /** The first "database unavailable" or "busy" refusal met while serving the request. */
  databaseRefusal: AppError | null;
  /** Database connections checked out while serving it (server/db-pool.ts), for the runtime figures. */
  checkouts: number;
}

/** The store node-server.ts registers; absent in tests, scripts and browsers. */
export const requestOutcomes = globalThis as { maghrebRequestOutcomes?: { getStore(): RequestOutcome | undefined; run<R>(store: RequestOutcome, serve: () => R): R } };

/** Whether the request is served by our HTTP server, which passes on a body a route encoded itself (server/http/compressed-once.ts). */
export function servedByAppServer(): boolean {
  return requestOutcomes.maghrebRequestOutcomes?.getStore() !== undefined;
}

/** Counts a connection checkout against the request being served, if any. */
export function noteCheckout(): void {
  const outcome = requestOutcomes.maghrebRequestOutcomes?.getStore();
  if (outcome) outcome.checkouts++;
}

/** Notes a database refusal on the request being served, if any. */
export function noteDatabaseRefusal(refusal: AppError): void {
  const outcome = requestOutcomes.maghrebRequestOutcomes?.getStore();
  if (outcome && !outcome.databaseRefusal) outcome.databaseRefusal = refusal;
}
