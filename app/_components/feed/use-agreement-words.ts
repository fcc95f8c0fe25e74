"use client";
// The agreements' words and amounts in a client component (server components: agreement-words.ts).
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { agreementLabelsFrom } from "@/server/agreements/labels";
import { useFormat } from "../use-format";
import { moneyFormatter } from "./money";

export function useAgreementWords() {
  const t = useTranslations("agreements");
  const format = useFormat();
  return useMemo(() => ({ ...agreementLabelsFrom(t), money: moneyFormatter(t, format), format }), [t, format]);
}
