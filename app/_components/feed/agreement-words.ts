import "server-only";
// The agreements' words and amounts in a server component (client components: use-agreement-words.ts).
import { getTranslations } from "next-intl/server";
import { agreementLabelsFrom } from "@/server/agreements/labels";
import { getFormat } from "../server-format";
import { moneyFormatter } from "./money";

export async function getAgreementWords() {
  const [t, format] = await Promise.all([getTranslations("agreements"), getFormat()]);
  return { ...agreementLabelsFrom(t), money: moneyFormatter(t, format), format };
}
