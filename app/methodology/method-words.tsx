import "server-only";
// The methodology page's words: its own messages, the events' level and verification names, the
// reader's formatters, and the tags its rich paragraphs use.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/app/_components/server-format";
import { codeTag } from "@/app/_components/rich-tags";
import type { StandingRule } from "@/server/method/standing";

/** Each release's reason in the reader's language, by version. */
const REASON_KEYS = { "1.0.0": "v1", "2.0.0": "v2" } as const;
const hasReason = (version: string): version is keyof typeof REASON_KEYS => version in REASON_KEYS;

/** What each standing rule's event type means, by its code and override ("161_AMBASSADOR_RECALLED"). */
const RULE_KEYS = ["161_RELATIONS_SEVERED", "161_AMBASSADOR_RECALLED", "161", "054", "172", "081", "191", "163", "0872", "085", "160", "050"] as const;
type RuleKey = (typeof RULE_KEYS)[number];
const isRuleKey = (key: string): key is RuleKey => (RULE_KEYS as readonly string[]).includes(key);

export async function methodWords() {
  const [t, events, format] = await Promise.all([getTranslations("methodology"), getTranslations("events"), getFormat()]);
  return {
    t,
    events,
    format,
    /** A release without a translated reason (one added later) shows the reason as written. */
    reason: (version: string, written: string) => (hasReason(version) ? t(`versions.reasons.${REASON_KEYS[version]}`) : written),
    /** A rule added later without a translation shows its meaning as written. */
    ruleReads(rule: StandingRule): string {
      const key = rule.overrideKey ? `${rule.cameoCode}_${rule.overrideKey}` : rule.cameoCode;
      return isRuleKey(key) ? t(`standing.rules.${key}`) : rule.reads;
    },
  };
}

export type MethodWords = Awaited<ReturnType<typeof methodWords>>;

const strongTag = (chunks: ReactNode) => <strong>{chunks}</strong>;
const emTag = (chunks: ReactNode) => <em>{chunks}</em>;
const supTag = (chunks: ReactNode) => <sup>{chunks}</sup>;

/** The tags of the method's paragraphs. */
export const emphasis = { strong: strongTag, em: emTag, sup: supTag, code: codeTag };
