"use client";
// Shown when an agreements page fails on the server (the database is down, for instance).
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";

export default function AgreementsError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("agreements.error");
  return (
    <div className="panel" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        {t.rich("actions", {
          retry: (chunks) => (
            <button type="button" onClick={reset}>
              {chunks}
            </button>
          ),
          home: (chunks) => <Link href="/">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
