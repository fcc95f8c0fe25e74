// CAMEO event types in the reader's language. The codebook's 300-odd names have no standard French
// or Arabic translation, so they stay in English (as /methodology says); their twenty root
// categories are translated and shown beside them.
import type { Messages } from "@/i18n/messages";

type RootCode = keyof Messages["cameo"]["roots"];
type CameoKey = `roots.${RootCode}` | "withCategory";

const ROOTS = new Set<string>(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"] satisfies RootCode[]);
const isRoot = (code: string): code is RootCode => ROOTS.has(code);

/** From a translator of the "cameo" messages: a root's category, and a type's label with its category. */
export function cameoWordsFrom(t: (key: CameoKey, values?: Record<string, string>) => string) {
  const category = (code: string): string | null => {
    const root = code.trim().slice(0, 2);
    return isRoot(root) ? t(`roots.${root}`) : null;
  };
  return {
    category,
    /** "057 sign formal agreement (Coopération diplomatique)": the codebook's name, the category in the reader's language. */
    typeLabel(code: string, label: string): string {
      const root = category(code);
      return root ? t("withCategory", { label, category: root }) : label;
    },
  };
}
