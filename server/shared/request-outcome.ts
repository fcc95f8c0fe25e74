// What went wrong while a request was served, noted where the app knows it (a database refusal)
// and read by our HTTP server (server/http/node-server.ts) when the response's status is
// written: Next.js answers a page that failed on the server 500 whatever the cause, and pages
// give no hook to choose the status, so the server turns a 500 whose cause was the database into
// a 503 with Retry-After. One AsyncLocalStorage per process, on globalThis: the server runs
// outside Next's bundles and each bundle chunk would otherwise have its own.
import { AsyncLocalStorage } from "node:async_hooks";
import type { AppError } from "./errors";

export interface RequestOutcome {
  /** The first "database unavailable" or "busy" refusal met while serving the request. */
  databaseRefusal: AppError | null;
}

const shared = globalThis as { maghrebRequestOutcomes?: AsyncLocalStorage<RequestOutcome> };
const outcomes = (shared.maghrebRequestOutcomes ??= new AsyncLocalStorage<RequestOutcome>());

/** Runs `serve` with a fresh outcome for everything it starts. */
export function withRequestOutcome(serve: (outcome: RequestOutcome) => void): void {
  const outcome: RequestOutcome = { databaseRefusal: null };
  outcomes.run(outcome, () => serve(outcome));
}

/** Notes a database refusal on the current request, if it runs under withRequestOutcome (tests and scripts do not). */
export function noteDatabaseRefusal(refusal: AppError): void {
  const outcome = outcomes.getStore();
  if (outcome && !outcome.databaseRefusal) outcome.databaseRefusal = refusal;
}
