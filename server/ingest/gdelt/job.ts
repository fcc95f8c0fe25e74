// The scheduled GDELT job, as the job runner calls it: settings from server/env.ts, the app's
// database client unless the runner passes its own (a worker outside Next.js cannot import
// server/db.ts, which is marked server-only). The work is ingestNewFiles (ingest.ts).
import type { Db } from "@/server/db-client";
import { env } from "@/server/env";
import { ingestNewFiles } from "./ingest";

export async function runGdeltIngest(ctx: { signal: AbortSignal; db?: Db }): Promise<{ read: number; kept: number }> {
  const db = ctx.db ?? (await import("@/server/db")).getDb();
  const run = await ingestNewFiles({ db, baseUrl: env.GDELT_BASE_URL, countries: env.GDELT_COUNTRIES, signal: ctx.signal, log: console.log });
  return { read: run.read, kept: run.kept };
}
