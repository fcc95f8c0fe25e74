"use client";
// A MOVE rule's two terms and an EVENT_SCORE rule's one, for "Alert me" on a dyad page and the
// rule editor on /alerts.
import { useTranslations } from "next-intl";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import { Field } from "../forms/form-fields";

/** An empty box is no number; react-hook-form also passes the default values through, as numbers. */
export const numberOrNothing = (value: string | number) => (typeof value === "number" ? value : value.trim() === "" ? undefined : Number(value));

type FormOf<T extends FieldValues> = { form: Pick<UseFormReturn<T, unknown, unknown>, "register" | "formState"> };

export function MoveFields<T extends FieldValues>({ form }: FormOf<T>) {
  const t = useTranslations("alerts.alertMe");
  return (
    <>
      <Field form={form} name={"threshold" as FieldPath<T>} label={t("points")} setValueAs={numberOrNothing}>
        {(props) => <input {...props} type="number" min={1} max={200} step="any" />}
      </Field>
      <Field form={form} name={"days" as FieldPath<T>} label={t("days")} setValueAs={numberOrNothing}>
        {(props) => <input {...props} type="number" min={1} max={365} step={1} />}
      </Field>
    </>
  );
}

export function ScoreField<T extends FieldValues>({ form }: FormOf<T>) {
  const t = useTranslations("alerts.alertMe");
  return (
    <Field form={form} name={"threshold" as FieldPath<T>} label={t("scoreField")} setValueAs={numberOrNothing}>
      {(props) => <input {...props} type="number" min={0.1} max={10} step="any" />}
    </Field>
  );
}
