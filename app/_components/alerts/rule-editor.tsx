"use client";
// Editing one alert rule on /alerts: what it fires on, the team it is shared with, the webhook it
// posts to and its e-mail (shown only when the server sends e-mail). A new webhook URL's signing secret is shown once.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { editAlertRuleInput } from "@/server/alerts/schemas";
import { Field, FormMessage } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { MoveFields, numberOrNothing, ScoreField } from "./move-fields";
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const KINDS = [
  ["BAND_CHANGE", "Changes band"],
  ["MOVE", "Moves by at least … points within … days"],
  ["CONDITION", "A standing condition starts or ends"],
  ["UNUSUAL", "Is flagged for an unusual change"],
  ["EVENT_SCORE", "Has a new event with a Goldstein score of at least ±…"],
] as const;

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
  const watched = rule.dyad?.key ?? "agreements";
  const emailOn = form.watch("emailOn");
  const cadence = form.watch("cadence");

  if (secret) {
    return (
      <section className="panel" aria-labelledby="rule-secret-heading">
        <h2 id="rule-secret-heading">Saved: the webhook's signing secret</h2>
        <p>Give it to the receiver to verify each post. It is shown this once.</p>
        <p>
          <code>{secret}</code>
        </p>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="rule-editor-heading">
      <h2 id="rule-editor-heading">Edit the rule on {watched}</h2>
      <form onSubmit={form.handleSubmit((data) => save.mutate(data))} aria-label={`Edit the rule on ${watched}`} noValidate>
        {rule.agreements ? (
          <p>Alert when a new or changed agreement matches {rule.agreements.words}. To change the filter, set a new rule from the agreements feed.</p>
        ) : (
          <Field form={form} name="kind" label="Alert when the dyad…">
            {(props) => (
              <select {...props}>
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
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
          <Field form={form} name="teamId" label="Share with" setValueAs={(value) => value || null}>
            {(props) => (
              <select {...props}>
                <option value="">Only me</option>
                {teams.data.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field form={form} name="webhookUrl" label="Webhook URL (https; empty for none)">
          {(props) => <input {...props} type="url" inputMode="url" placeholder="https://example.org/hooks/monitor" />}
        </Field>
        {emailEnabled && (
          <fieldset>
            <legend>E-mail</legend>
            <div className="field">
              <label>
                <input type="checkbox" {...form.register("emailOn")} /> E-mail me these alerts
              </label>
            </div>
            {emailOn && (
              <>
                <Field form={form} name="cadence" label="When">
                  {(props) => (
                    <select {...props}>
                      <option value="IMMEDIATE">At once</option>
                      <option value="DAILY">A daily digest</option>
                      <option value="WEEKLY">A weekly digest</option>
                    </select>
                  )}
                </Field>
                {cadence !== "IMMEDIATE" && (
                  <>
                    {cadence === "WEEKLY" && (
                      <Field form={form} name="weekday" label="On" setValueAs={Number}>
                        {(props) => (
                          <select {...props}>
                            {WEEKDAYS.map((day, i) => (
                              <option key={day} value={i}>
                                {day}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    )}
                    <Field form={form} name="hour" label="At (hour, 0–23)" setValueAs={numberOrNothing}>
                      {(props) => <input {...props} type="number" min={0} max={23} step={1} />}
                    </Field>
                    <Field form={form} name="timeZone" label="Time zone">
                      {(props) => <input {...props} type="text" placeholder="Africa/Algiers" />}
                    </Field>
                  </>
                )}
              </>
            )}
          </fieldset>
        )}
        <FormMessage form={form} />
        <button type="submit" disabled={save.isPending}>
          Save the rule
        </button>{" "}
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </form>
    </section>
  );
}
