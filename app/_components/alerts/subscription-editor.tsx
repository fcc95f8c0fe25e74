"use client";
// A subscribed teammate's own delivery of a shared rule on /alerts: its alerts always reach their
// list and Atom feed; here they add their own webhook (its signing secret shown once) and e-mail
// on their own schedule, as the rule's owner does for theirs.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { subscriptionDeliveryInput } from "@/server/alerts/schemas";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { DeliveryFields, deliveryDefaults, SaveOrCancel, WebhookSecret, type StoredDelivery } from "./delivery-fields";

export interface SubscribedRule extends StoredDelivery {
  id: string;
  /** What the rule watches, and whose it is, in the reader's words. */
  target: string;
  owner: string;
}

export function SubscriptionEditor({ rule, emailEnabled, onDone }: { rule: SubscribedRule; emailEnabled: boolean; onDone: () => void }) {
  const t = useTranslations("alerts.subscription");
  const trpc = useTRPC();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useSchemaForm(subscriptionDeliveryInput, {
    defaultValues: {
      ruleId: rule.id,
      ...deliveryDefaults(rule),
    },
    ...CHECK_ON_SUBMIT,
  });
  const save = useMutation(
    trpc.alerts.subscriptionDelivery.mutationOptions({
      onSuccess: (saved) => (saved.webhookSecret ? setSecret(saved.webhookSecret) : onDone()),
      onError: (e) => showRefusal(form, e),
    }),
  );
  const heading = t("heading", { owner: rule.owner, target: rule.target });

  if (secret) return <WebhookSecret secret={secret} onDone={onDone} />;

  return (
    <section className="panel" aria-labelledby="subscription-editor-heading">
      <h2 id="subscription-editor-heading" dir="auto">
        {heading}
      </h2>
      <p>{t("intro")}</p>
      <form onSubmit={form.handleSubmit((data) => save.mutate(data))} aria-label={heading} noValidate>
        <DeliveryFields form={form} emailEnabled={emailEnabled} emailOn={form.watch("emailOn")} cadence={form.watch("cadence")} />
        <SaveOrCancel form={form} pending={save.isPending} save={t("save")} onCancel={onDone} />
      </form>
    </section>
  );
}
