"use client";
// Shown when an agreements page fails on the server (the database is down, for instance).
import { useTranslations } from "next-intl";
import { buttonTag, linkTag } from "@/app/_components/rich-tags";

export default function AgreementsError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("agreements.error");
  return (
    <div className="panel" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        {t.rich("actions", { retry: buttonTag(reset), home: linkTag("/") })}
      </p>
    </div>
  );
}
