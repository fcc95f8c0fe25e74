// What a page says when its address held filters it could not use (read leniently, see
// server/scope/url.ts): they were reset to their defaults, and the page shows what is left.
import { useTranslations } from "next-intl";

export function ScopeNotice({ ignored }: { ignored: string[] }) {
  const t = useTranslations("filters");
  if (ignored.length === 0) return null;
  return <output className="notice">{t("ignored", { params: [...new Set(ignored)].join(", ") })}</output>;
}
