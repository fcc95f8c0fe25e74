"use client";
// Editing one alert rule on /alerts: what it fires on, the team it is shared with, the webhook it
// posts to and its e-mail (shown only when the server sends e-mail). A new webhook URL's signing secret is shown once.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { editAlertRuleInput } from "@/server/alerts/schemas";
import { Field, FormMessage } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { MoveFields, numberOrNothing, ScoreField } from "./move-fields";

/** Sunday (0) to Saturday (6), as the rule stores its digest's weekday. */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const KINDS = ["BAND_CHANGE", "MOVE", "CONDITION", "UNUSUAL", "EVENT_SCORE"] as const;

export interface EditedRule {
  id: string;
  version: number;
  kind: "BAND_CHANGE" | "MOVE" | "CONDITION" | "UNUSUAL" | "EVENT_SCORE" | "AGREEMENT_FILTER";
  threshold: number | null;
  days: number | null;
  webhookUrl: string | null;
  email: boolean;
  emailCadence: "IMMEDIATE" | "DAILY" | "WEEKLY";
  digestHour: number;
  digestWeekday: number;
  timeZone: string;
  dyad: { key: string } | null;
  /** An AGREEMENT_FILTER rule's filter in words (it stays as set from the feed). */
  agreements: { words: string } | null;
  teamId: string | null;
}

/** The browser's time zone, the default for a rule's first digest. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

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
      webhookUrl: rule.webhookUrl ?? "",
      emailOn: rule.email,
      cadence: rule.emailCadence,
      hour: rule.digestHour,
      weekday: rule.digestWeekday,
      timeZone: rule.email ? rule.timeZone : browserTimeZone(),
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

  if (secret) {
    return (
      <section className="panel" aria-labelledby="rule-secret-heading">
        <h2 id="rule-secret-heading">{t("secretHeading")}</h2>
        <p>{t("secretBody")}</p>
        <p>
          <code>{secret}</code>
        </p>
        <button type="button" onClick={onDone}>
          {t("done")}
        </button>
      </section>
    );
  }

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
        <Field form={form} name="webhookUrl" label={t("webhookUrl")}>
          {(props) => <input {...props} type="url" inputMode="url" dir="ltr" placeholder="https://example.org/hooks/monitor" />}
        </Field>
        {emailEnabled && (
          <fieldset>
            <legend>{t("email")}</legend>
            <div className="field">
              <label>
                <input type="checkbox" {...form.register("emailOn")} /> {t("emailMe")}
              </label>
            </div>
            {emailOn && (
              <>
                <Field form={form} name="cadence" label={t("cadence")}>
                  {(props) => (
                    <select {...props}>
                      <option value="IMMEDIATE">{t("atOnce")}</option>
                      <option value="DAILY">{t("daily")}</option>
                      <option value="WEEKLY">{t("weekly")}</option>
                    </select>
                  )}
                </Field>
                {cadence !== "IMMEDIATE" && (
                  <>
                    {cadence === "WEEKLY" && (
                      <Field form={form} name="weekday" label={t("weekday")} setValueAs={Number}>
                        {(props) => (
                          <select {...props}>
                            {WEEKDAYS.map((day) => (
                              <option key={day} value={day}>
                                {t("weekdays", { weekday: String(day) })}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    )}
                    <Field form={form} name="hour" label={t("hour")} setValueAs={numberOrNothing}>
                      {(props) => <input {...props} type="number" min={0} max={23} step={1} />}
                    </Field>
                    <Field form={form} name="timeZone" label={t("timeZone")}>
                      {(props) => <input {...props} type="text" dir="ltr" placeholder="Africa/Algiers" />}
                    </Field>
                  </>
                )}
              </>
            )}
          </fieldset>
        )}
        <FormMessage form={form} />
        <button type="submit" disabled={save.isPending}>
          {t("save")}
        </button>{" "}
        <button type="button" onClick={onDone}>
          {t("cancel")}
        </button>
      </form>
    </section>
  );
}
