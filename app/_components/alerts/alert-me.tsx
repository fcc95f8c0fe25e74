"use client";
// "Alert me" on a dyad page: a rule for a band change or an unusual change in one click, for a
// move of at least X points within N days, or for a new event scoring at least ±X. The rules are
// managed at /alerts.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import { eventScoreRuleInput, moveRuleInput } from "@/server/alerts/schemas";
import { FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { MoveFields, ScoreField } from "./move-fields";

export function AlertMe({ dyad, label }: { dyad: string; label: string }) {
  const t = useTranslations("alerts.alertMe");
  const trpc = useTRPC();
  const [made, setMade] = useState<string | null>(null);
  const form = useSchemaForm(moveRuleInput, { defaultValues: { kind: "MOVE", dyad, threshold: 10, days: 30 }, ...CHECK_ON_SUBMIT });
  const scoreForm = useSchemaForm(eventScoreRuleInput, { defaultValues: { kind: "EVENT_SCORE", dyad, threshold: 7 }, ...CHECK_ON_SUBMIT });
  const options = (refusedOn: typeof form | typeof scoreForm) => ({ onSuccess: (rule: { kind: string; threshold: number | null; days: number | null }) => setMade(t("made", { kind: rule.kind, dyad: label, threshold: rule.threshold ?? 0, days: rule.days ?? 0 })), onError: (e: unknown) => showRefusal(refusedOn, e) });
  const create = useMutation(trpc.alerts.createRule.mutationOptions(options(form)));
  const createScore = useMutation(trpc.alerts.createRule.mutationOptions(options(scoreForm)));
  return (
    <section className="panel" aria-labelledby="alert-me-heading">
      <h2 id="alert-me-heading">{t("heading")}</h2>
      <p>
        <button type="button" disabled={create.isPending} onClick={() => create.mutate({ kind: "BAND_CHANGE", dyad })}>
          {t("bandChange", { dyad: label })}
        </button>{" "}
        <button type="button" disabled={create.isPending} onClick={() => create.mutate({ kind: "UNUSUAL", dyad })}>
          {t("unusual")}
        </button>
      </p>
      <form onSubmit={form.handleSubmit((data) => create.mutate(data))} aria-label={t("moveForm")} noValidate>
        <MoveFields form={form} />
        <FormMessage form={form} />
        <SubmitButton busy={create.isPending}>
          {t("move")}
        </SubmitButton>
      </form>
      <form onSubmit={scoreForm.handleSubmit((data) => createScore.mutate(data))} aria-label={t("scoreForm")} noValidate>
        <ScoreField form={scoreForm} />
        <FormMessage form={scoreForm} />
        <SubmitButton busy={createScore.isPending}>
          {t("score")}
        </SubmitButton>
      </form>
      {made && (
        <output>
          {made} <Link href="/alerts">{t("manage")}</Link>
        </output>
      )}
    </section>
  );
}
