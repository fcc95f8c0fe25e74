"use client";
// "Alert me" on the filtered agreements feed: a rule that fires on each new or changed agreement
// the filters on screen match. The rules are managed at /alerts.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import type { AgreementFilters } from "@/server/agreements/schemas";

export function AgreementAlertMe({ filters, words }: { filters: AgreementFilters; words: string }) {
  const t = useTranslations("alerts");
  const trpc = useTRPC();
  const create = useMutation(trpc.alerts.createRule.mutationOptions());
  return (
    <div className="alert-me">
      <button type="button" disabled={create.isPending || create.isSuccess} onClick={() => create.mutate({ kind: "AGREEMENT_FILTER", filter: filters })}>
        {t("agreementAlertMe.button")}
      </button>
      {create.isSuccess && (
        <output>
          {" "}
          {t("agreementAlertMe.made", { words })} <Link href="/alerts">{t("alertMe.manage")}</Link>
        </output>
      )}
      {create.error && (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      )}
    </div>
  );
}
