"use client";
// Where a rule's alerts go besides the app: a webhook, and e-mail at once or in a digest at an hour
// of the reader's clock (shown only when the server sends e-mail). The rule editor (its owner's
// delivery) and the subscription editor (a teammate's own) both lay them out.
import { useTranslations } from "next-intl";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { numberOrNothing } from "./move-fields";

/** Sunday (0) to Saturday (6), as rules and subscriptions store a digest's weekday. */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** The browser's time zone, the default for a first digest. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** What a rule or a subscription stores of its delivery. */
export interface StoredDelivery {
  webhookUrl: string | null;
  email: boolean;
  emailCadence: "IMMEDIATE" | "DAILY" | "WEEKLY";
  digestHour: number;
  digestWeekday: number;
  timeZone: string;
}

/** The delivery fields' starting values: as stored, a first digest in the browser's time zone. */
export const deliveryDefaults = (stored: StoredDelivery) => ({
  webhookUrl: stored.webhookUrl ?? "",
  emailOn: stored.email,
  cadence: stored.emailCadence,
  hour: stored.digestHour,
  weekday: stored.digestWeekday,
  timeZone: stored.email ? stored.timeZone : browserTimeZone(),
});

interface DeliveryProps<T extends FieldValues> {
  /** A form with the fields webhookUrl, emailOn, cadence, weekday, hour and timeZone. */
  form: Pick<UseFormReturn<T, unknown, unknown>, "register" | "formState">;
  emailEnabled: boolean;
  emailOn: boolean;
  cadence: string;
}

export function DeliveryFields<T extends FieldValues>({ form, emailEnabled, emailOn, cadence }: DeliveryProps<T>) {
  const t = useTranslations("alerts.editor");
  const name = (field: "webhookUrl" | "emailOn" | "cadence" | "weekday" | "hour" | "timeZone") => field as FieldPath<T>;
  return (
    <>
      <Field form={form} name={name("webhookUrl")} label={t("webhookUrl")}>
        {(props) => <input {...props} type="url" inputMode="url" dir="ltr" placeholder="https://example.org/hooks/monitor" />}
      </Field>
      {emailEnabled && (
        <fieldset>
          <legend>{t("email")}</legend>
          <div className="field">
            <label>
              <input type="checkbox" {...form.register(name("emailOn"))} /> {t("emailMe")}
            </label>
          </div>
          {emailOn && (
            <>
              <Field form={form} name={name("cadence")} label={t("cadence")}>
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
                    <Field form={form} name={name("weekday")} label={t("weekday")} setValueAs={Number}>
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
                  <Field form={form} name={name("hour")} label={t("hour")} setValueAs={numberOrNothing}>
                    {(props) => <input {...props} type="number" min={0} max={23} step={1} />}
                  </Field>
                  <Field form={form} name={name("timeZone")} label={t("timeZone")}>
                    {(props) => <input {...props} type="text" dir="ltr" placeholder="Africa/Algiers" />}
                  </Field>
                </>
              )}
            </>
          )}
        </fieldset>
      )}
    </>
  );
}

/** The signing secret of a webhook URL just saved, shown this once. */
export function WebhookSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations("alerts.editor");
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

/** The form's own message, and its save and cancel buttons. */
export function SaveOrCancel<T extends FieldValues>({ form, pending, save, onCancel }: { form: Pick<UseFormReturn<T, unknown, unknown>, "formState">; pending: boolean; save: string; onCancel: () => void }) {
  const t = useTranslations("alerts.editor");
  return (
    <>
      <FormMessage form={form} />
      <SubmitButton busy={pending}>
        {save}
      </SubmitButton>{" "}
      <button type="button" onClick={onCancel}>
        {t("cancel")}
      </button>
    </>
  );
}
