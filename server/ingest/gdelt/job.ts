// The scheduled GDELT job, as the job runner calls it: settings from server/env.ts, the app's
// database client. Everything it does is ingestNewFiles (ingest.ts), which tests call directly.
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { ingestNewFiles } from "./ingest";

export async function runGdeltIngest(ctx: { signal: AbortSignal }): Promise<{ read: number; kept: number }> {
  const run = await ingestNewFiles({ db: getDb(), baseUrl: env.GDELT_BASE_URL, countries: env.GDELT_COUNTRIES, signal: ctx.signal, log: console.log });
  return { read: run.read, kept: run.kept };
}
