// Whether the production build in .next is older than a source it depends on: `npm start` and
// the load benchmarks rebuild only then.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

/** A production build is redone only when a source it depends on is newer than it. */
export function buildIsStale(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "server", "prisma/schema.prisma", "next.config.js", "instrumentation.ts", "package-lock.json"];
  return sources.some((s) => newestMtime(s) > built);
}
