"use client";
// Option lists shared by the admin record forms.
import { useTranslations } from "next-intl";
import type { Messages } from "@/i18n/messages";
import { dyadTitle } from "../format";

interface Country {
  code: string;
  name: string;
}

/** A tracked dyad per option, named as everywhere else in the app ("France – Algeria"). */
export function DyadOptions({ dyads }: { dyads: { key: string; a: Country; b: Country }[] }) {
  return dyads.map((d) => (
    <option key={d.key} value={d.key}>
      {dyadTitle(d)}
    </option>
  ));
}

/** The countries of a dyad, by name, valued by ISO code. */
export function CountryOptions({ countries }: { countries: Country[] }) {
  return countries.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}
    </option>
  ));
}

export type EnumValue = keyof Messages["forms"]["enums"];

/** An enum value in the page's words ("IN_FORCE" → "In force", "En vigueur"). */
export function useEnumWords(): (value: EnumValue) => string {
  const t = useTranslations("forms");
  return (value) => t(`enums.${value}`);
}

/** One option per enum value, labelled in words. */
export function EnumOptions({ values }: { values: readonly EnumValue[] }) {
  const say = useEnumWords();
  return values.map((value) => (
    <option key={value} value={value}>
      {say(value)}
    </option>
  ));
}
