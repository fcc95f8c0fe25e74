"use client";
// The repeatable sources of a record (publisher, title, http(s) link), in any record form that
// wraps itself in react-hook-form's FormProvider and has a `sources` field.
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import type { z } from "zod";
import type { sourceInput } from "@/server/shared/schemas";
import { useFieldMessages } from "./form-fields";

type SourceValues = z.input<typeof sourceInput>;

export function SourcesFieldset({ emptyNote }: { emptyNote: string }) {
  const { control, register, formState } = useFormContext<{ sources: SourceValues[] }>();
  const sources = useFieldArray({ control, name: "sources" });
  const { err, aria } = useFieldMessages(formState.errors);
  const t = useTranslations("forms.sources");
  return (
    <fieldset>
      <legend>{t("legend")}</legend>
      {sources.fields.length === 0 && <p className="meta">{emptyNote}</p>}
      {sources.fields.map((field, i) => (
        <div key={field.id} className="field-row source-row">
          <div className="field">
            <label htmlFor={`sources.${i}.publisher`}>{t("publisher")}</label>
            <input id={`sources.${i}.publisher`} {...register(`sources.${i}.publisher`)} {...aria(`sources.${i}.publisher`)} />
            {err(`sources.${i}.publisher`)}
          </div>
          <div className="field">
            <label htmlFor={`sources.${i}.title`}>{t("title")}</label>
            <input id={`sources.${i}.title`} {...register(`sources.${i}.title`)} {...aria(`sources.${i}.title`)} />
            {err(`sources.${i}.title`)}
          </div>
          <div className="field grow">
            <label htmlFor={`sources.${i}.url`}>{t("link")}</label>
            <input id={`sources.${i}.url`} type="url" {...register(`sources.${i}.url`)} {...aria(`sources.${i}.url`)} />
            {err(`sources.${i}.url`)}
          </div>
          <button type="button" onClick={() => sources.remove(i)} aria-label={t("removeLabel", { number: i + 1 })}>
            {t("remove")}
          </button>
        </div>
      ))}
      {err("sources")}
      <button type="button" onClick={() => sources.append({ publisher: "", title: "", url: "" })}>
        {t("add")}
      </button>
    </fieldset>
  );
}
