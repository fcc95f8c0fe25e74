"use client";
// "Alert me" on the filtered agreements feed: a rule that fires on each new or changed agreement
// the filters on screen match. The rules are managed at /alerts.
import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import type { AgreementFilters } from "@/server/agreements/schemas";

export function AgreementAlertMe({ filters, words }: { filters: AgreementFilters; words: string }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.alerts.createRule.mutationOptions());
  return (
    <div className="alert-me">
      <button type="button" disabled={create.isPending || create.isSuccess} onClick={() => create.mutate({ kind: "AGREEMENT_FILTER", filter: filters })}>
        Alert me on new or changed agreements matching these filters
      </button>
      {create.isSuccess && (
        <output>
          {" "}
          You will be alerted when an agreement {words} is recorded or changed. <Link href="/alerts">Manage your alerts</Link>
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
