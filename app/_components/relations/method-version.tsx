// Which method version computed the numbers on screen, with its release date, linked to the history.
import { Link } from "@/app/_components/link";
import { methodRelease } from "@/server/method/params";

/** "Method v2.0.0, 2026-11-29" (a version missing from the history shows without a date). */
export function methodVersionLabel(version: string): string {
  const released = methodRelease(version)?.released;
  return `Method v${version}${released ? `, ${released}` : ""}`;
}

export function MethodVersion({ version }: { version: string }) {
  return (
    <>
      {methodVersionLabel(version)} (<Link href="/methodology#versions">versions</Link>)
    </>
  );
}
