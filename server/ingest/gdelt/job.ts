// The scheduled GDELT job, as the job runner calls it: settings from server/env.ts, the app's
// database client unless the runner passes its own (a worker outside Next.js cannot import
// server/db.ts, which is marked server-only). The work is ingestNewFiles (ingest.ts); after each
// file that brought candidates, the dyads' auto-accept rules run (server/review/auto-accept.ts).
import type { Db } from "@/server/db-client";
import { env } from "@/server/env";
import { autoAcceptPending } from "@/server/review/auto-accept";
import { ingestNewFiles, type FileOutcome } from "./ingest";

/** After a file: publish what an enabled per-dyad rule accepts (rules are off by default). */
export const autoAcceptAfter = (db: Db, log: (line: string) => void) => async (file: FileOutcome) => {
  const { accepted } = await autoAcceptPending({ db });
  if (accepted > 0) log(`GDELT ${file.url}: ${accepted} clusters published by auto-accept rules`);
};

export async function runGdeltIngest(ctx: { signal: AbortSignal; db?: Db }): Promise<{ read: number; kept: number }> {
  const db = ctx.db ?? (await import("@/server/db")).getDb();
  const log = console.log;
  const run = await ingestNewFiles({ db, baseUrl: env.GDELT_BASE_URL, countries: env.GDELT_COUNTRIES, signal: ctx.signal, log, afterFile: autoAcceptAfter(db, log) });
  return { read: run.read, kept: run.kept };
}
