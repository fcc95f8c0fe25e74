// An index value as cards and lists show it: the number on screen, and for screen readers the
// words that say what it is. Spoken text, not aria-label: a label on a plain <span> is not allowed
// by ARIA and most screen readers skip it, reading the bare number. `text` comes formatted in the
// reader's language (formatIndex with their formatters).
import { useTranslations } from "next-intl";

export function IndexValue({ text }: { text: string }) {
  const t = useTranslations("relations.cards");
  return (
    <>
      <span className="visually-hidden">{t("valueLabel")} </span>
      <span className="value">{text}</span>
    </>
  );
}
