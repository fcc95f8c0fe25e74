// The line under an admin editor's heading: the record's version, whether it is archived, and
// where to read it and its history.
import { getTranslations } from "next-intl/server";
import { Link } from "../link";

export async function RecordMeta({ version, archived, open, history }: { version: number; archived: string | null; open: { href: string; label: "view" | "dyad" }; history: string }) {
  const t = await getTranslations("admin.records");
  return (
    <p className="meta">
      {t("version", { version })}
      {archived && ` · ${archived}`} · <Link href={open.href}>{t(open.label)}</Link> · <Link href={history}>{t("history")}</Link>
    </p>
  );
}
