// Which method version computed the numbers on screen, with its release date, linked to the history.
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { methodRelease } from "@/server/method/params";

type Say = (key: "method.version" | "method.versionUndated", values: Record<string, string>) => string;

/** "Method v2.0.0, 2026-11-29" (a version missing from the history shows without a date). */
export function methodVersionLabel(say: Say, version: string): string {
  const released = methodRelease(version)?.released;
  return released ? say("method.version", { version, released }) : say("method.versionUndated", { version });
}

export async function MethodVersion({ version }: { version: string }) {
  const t = await getTranslations("relations");
  return (
    <>
      {methodVersionLabel(t, version)} (<Link href="/methodology#versions">{t("method.versions")}</Link>)
    </>
  );
}
