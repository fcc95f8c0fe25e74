"use client";
// The interface language: stored on the account when signed in, in the browser's cookie always,
// then the page is loaded again in full so every server component and the document's direction follow.
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { directionOf, isLocale, LOCALE_AUTONYMS, LOCALES } from "@/server/i18n/locales";
import { useTRPCClient } from "../_trpc/client";
import { useHydrated } from "./use-hydrated";

export function LanguageMenu() {
  const t = useTranslations("common.language");
  const locale = useLocale();
  const client = useTRPCClient();
  const id = useId();
  const [state, setState] = useState<"idle" | "saving" | "failed">("idle");
  // A choice made before hydration reaches no handler, and hydration puts the old one back.
  const hydrated = useHydrated();

  async function choose(value: string) {
    if (!isLocale(value) || value === locale) return;
    setState("saving");
    try {
      await client.account.setLocale.mutate({ locale: value });
      window.location.reload();
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="language-menu">
      <label htmlFor={id}>{t("label")}</label>
      <select id={id} value={locale} disabled={!hydrated || state === "saving"} onChange={(event) => void choose(event.target.value)}>
        {LOCALES.map((option) => (
          // Each name in its own language and script, whatever the page's.
          <option key={option} value={option} lang={option} dir={directionOf(option)}>
            {LOCALE_AUTONYMS[option]}
          </option>
        ))}
      </select>
      {state === "failed" && (
        <p className="error" role="alert">
          {t("failed")}
        </p>
      )}
    </div>
  );
}
