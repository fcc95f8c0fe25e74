"use client";
// Editing one alert rule on /alerts: what it fires on, the team it is shared with, the webhook it
// posts to and its e-mail (shown only when the server sends e-mail). A new webhook URL's signing secret is shown once.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { editAlertRuleInput } from "@/server/alerts/schemas";
import { Field } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { MoveFields, ScoreField } from "./move-fields";
import { DeliveryFields, deliveryDefaults, SaveOrCancel, WebhookSecret, type StoredDelivery } from "./delivery-fields";

const KINDS = ["BAND_CHANGE", "MOVE", "CONDITION", "UNUSUAL", "EVENT_SCORE"] as const;

export interface EditedRule extends StoredDelivery {
  id: string;
  version: number;
  kind: "BAND_CHANGE" | "MOVE" | "CONDITION" | "UNUSUAL" | "EVENT_SCORE" | "AGREEMENT_FILTER";
  threshold: number | null;
  days: number | null;
  dyad: { key: string } | null;
  /** An AGREEMENT_FILTER rule's filter in words (it stays as set from the feed). */
  agreements: { words: string } | null;
  teamId: string | null;
}

export function RuleEditor({ rule, emailEnabled, onDone }: { rule: EditedRule; emailEnabled: boolean; onDone: () => void }) {
  const t = useTranslations("alerts.editor");
  const trpc = useTRPC();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useSchemaForm(editAlertRuleInput, {
    defaultValues: {
      ruleId: rule.id,
      version: rule.version,
      kind: rule.kind,
      threshold: rule.threshold ?? undefined,
      days: rule.days ?? undefined,
      ...deliveryDefaults(rule),
      teamId: rule.teamId,
    },
    ...CHECK_ON_SUBMIT,
  });
  const save = useMutation(
    trpc.alerts.editRule.mutationOptions({
      onSuccess: (saved) => (saved.webhookSecret ? setSecret(saved.webhookSecret) : onDone()),
      onError: (e) => showRefusal(form, e),
    }),
  );
  const teams = useQuery(trpc.teams.list.queryOptions());
  const kind = form.watch("kind");
  const watched = rule.dyad?.key ?? t("agreementsTarget");
  const emailOn = form.watch("emailOn");
  const cadence = form.watch("cadence");

  if (secret) return <WebhookSecret secret={secret} onDone={onDone} />;

  return (
    <section className="panel" aria-labelledby="rule-editor-heading">
      <h2 id="rule-editor-heading">{t("heading", { dyad: watched })}</h2>
      <form onSubmit={form.handleSubmit((data) => save.mutate(data))} aria-label={t("heading", { dyad: watched })} noValidate>
        {rule.agreements ? (
          <p>{t("agreementRule", { words: rule.agreements.words })}</p>
        ) : (
          <Field form={form} name="kind" label={t("kind")}>
            {(props) => (
              <select {...props}>
                {KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t("kinds", { kind: value })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {kind === "MOVE" && <MoveFields form={form} />}
        {kind === "EVENT_SCORE" && <ScoreField form={form} />}
        {/* "Only me" is no team; teammates see a shared rule and may subscribe to its alerts. Shown
            once the teams are known, so the rule's team is selected (until then it stays as it is). */}
        {teams.data && (
          <Field form={form} name="teamId" label={t("share")} setValueAs={(value) => value || null}>
            {(props) => (
              <select {...props}>
                <option value="">{t("onlyMe")}</option>
                {teams.data.map((team) => (
                  <option key={team.id} value={team.id} dir="auto">
                    {team.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <DeliveryFields form={form} emailEnabled={emailEnabled} emailOn={emailOn} cadence={cadence} />
        <SaveOrCancel form={form} pending={save.isPending} save={t("save")} onCancel={onDone} />
      </form>
    </section>
  );
}
