"use client";
// "Alert me" on a dyad page: a rule for a band change in one click, or for a move of at least X
// points within N days. The rules are managed at /alerts.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import { moveRuleInput } from "@/server/alerts/schemas";
import { FormMessage } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { MoveFields } from "./move-fields";

export function AlertMe({ dyad, label }: { dyad: string; label: string }) {
  const trpc = useTRPC();
  const [made, setMade] = useState<string | null>(null);
  const form = useSchemaForm(moveRuleInput, { defaultValues: { kind: "MOVE", dyad, threshold: 10, days: 30 }, ...CHECK_ON_SUBMIT });
  const create = useMutation(
    trpc.alerts.createRule.mutationOptions({
      onSuccess: (rule) => setMade(rule.kind === "MOVE" ? `You will be alerted when ${label} moves by ${rule.threshold} points within ${rule.days} days.` : `You will be alerted when ${label} changes band.`),
      onError: (e) => showRefusal(form, e),
    }),
  );
  return (
    <section className="panel" aria-labelledby="alert-me-heading">
      <h2 id="alert-me-heading">Alert me</h2>
      <p>
        <button type="button" disabled={create.isPending} onClick={() => create.mutate({ kind: "BAND_CHANGE", dyad })}>
          Alert me when {label} changes band
        </button>
      </p>
      <form onSubmit={form.handleSubmit((data) => create.mutate(data))} aria-label="Alert me on a move" noValidate>
        <MoveFields form={form} />
        <FormMessage form={form} />
        <button type="submit" disabled={create.isPending}>
          Alert me on a move
        </button>
      </form>
      {made && (
        <output>
          {made} <Link href="/alerts">Manage your alerts</Link>
        </output>
      )}
    </section>
  );
}
