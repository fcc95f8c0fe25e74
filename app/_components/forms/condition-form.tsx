"use client";
// The admin's form for a standing condition (relations severed, an ambassador withdrawn, a route
// closed, a partnership in force), new or edited: the same schema as the API, errors back on their
// fields, a stale save shown beside the admin's input. Ending a condition is giving it an end date.
import { Link } from "@/app/_components/link";
import { useTranslations } from "next-intl";
import { FormProvider, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useTRPCClient } from "@/app/_trpc/client";
import { conditionInput } from "@/server/conditions/schemas";
import { CONDITION_KINDS, DATE_PRECISIONS, METHOD, VERIFICATIONS } from "@/server/method/params";
import { isoDayOf } from "@/server/scope/day";
import { useFieldMessages } from "./form-fields";
import { CountryOptions, DyadOptions, EnumOptions, useEnumWords } from "./options";
import { SourcesFieldset } from "./sources-fieldset";
import { afterSave, SaveButtons, useReviewChoice, type RecordFormProps } from "./draft-save";
import { SaveStatus, useRecordSave } from "./record-save";
import { useSchemaForm } from "./schema-form";
import { DayInput } from "./day-input";

type FormValues = z.input<typeof conditionInput>;
type Parsed = z.output<typeof conditionInput>;

const today = () => isoDayOf(new Date());
const optional = (v: string) => v || undefined;

export interface ConditionFormOptions {
  dyads: { key: string; a: { code: string; name: string }; b: { code: string; name: string } }[];
}

/**
 * The saved values as the form holds them: points equal to the kind's default are left empty, so
 * that changing the kind brings that kind's points instead of keeping the old kind's.
 */
function toFormValues(saved: Parsed): FormValues {
  return { ...saved, points: saved.points === METHOD.conditionPoints[saved.kind] ? undefined : saved.points };
}

export function ConditionForm({ options, initial, review }: RecordFormProps<ConditionFormOptions, Parsed>) {
  const saved = review?.draft?.values ?? initial?.values;
  const form = useSchemaForm(conditionInput, {
    defaultValues: saved
      ? toFormValues(saved)
      : {
          dyad: options.dyads[0]?.key ?? "",
          kind: "AMBASSADOR_WITHDRAWN",
          title: "",
          startDate: today(),
          startPrecision: "DAY",
          verification: "CONFIRMED",
          sources: [],
        },
  });
  const { register, formState, control, setValue } = form;
  const watched = useWatch({ control });
  const dyad = options.dyads.find((d) => d.key === watched.dyad);

  const client = useTRPCClient();
  const reviewing = useReviewChoice(review);
  const { submit, saving, status } = useRecordSave(form, {
    version: initial?.version ?? 1,
    toForm: (values) => toFormValues(values as Parsed),
    save: (data, version): Promise<{ id: string; draft?: boolean }> => {
      if (reviewing.isForReview()) return reviewing.saveDraft({ type: "Condition", data }, initial && { id: initial.id, version });
      return initial ? client.conditions.update.mutate({ id: initial.id, version, data }) : client.conditions.create.mutate(data);
    },
    after: (done) => afterSave(done, () => `/dyads/${form.getValues("dyad")}`),
  });

  const { err, aria } = useFieldMessages(formState.errors);
  const t = useTranslations("forms.condition");
  const common = useTranslations("forms.event");
  const say = useEnumWords();
  const defaultPoints = watched.kind ? METHOD.conditionPoints[watched.kind] : undefined;

  return (
    <FormProvider {...form}>
      <form className="record-form" aria-label={initial ? t("editForm") : t("newForm")} noValidate onSubmit={submit}>
        <SaveStatus status={status} input={watched} />
        <div className="field-row">
          <div className="field">
            <label htmlFor="dyad">{common("dyad")}</label>
            <select
              id="dyad"
              {...register("dyad", {
                // A holding side from the previous dyad would be sent while the list shows this one's.
                onChange: () => setValue("holder", undefined),
              })}
              {...aria("dyad")}
            >
              <DyadOptions dyads={options.dyads} />
            </select>
            {err("dyad")}
          </div>
          <div className="field">
            <label htmlFor="kind">{t("kind")}</label>
            <select id="kind" {...register("kind")}>
              {CONDITION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t("kindOption", { kind: say(k), points: `${METHOD.conditionPoints[k] > 0 ? "+" : ""}${METHOD.conditionPoints[k]}` })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="points">{t("points", { points: defaultPoints ?? "" })}</label>
            <input
              id="points"
              inputMode="decimal"
              {...register("points", { setValueAs: (v: unknown) => (v === "" || v === undefined || v === null ? undefined : Number(v)) })}
              {...aria("points")}
            />
            {err("points")}
          </div>
          <div className="field">
            <label htmlFor="holder">{t("holder")}</label>
            <select id="holder" {...register("holder", { setValueAs: optional })} {...aria("holder")}>
              <option value="">{t("both")}</option>
              {dyad && <CountryOptions countries={[dyad.a, dyad.b]} />}
            </select>
            {err("holder")}
          </div>
        </div>
        <div className="field">
          <label htmlFor="title">{common("title")}</label>
          <input id="title" {...register("title")} {...aria("title")} maxLength={220} />
          {err("title")}
        </div>
        <div className="field">
          <label htmlFor="summary">{common("summary")}</label>
          <textarea id="summary" rows={3} {...register("summary", { setValueAs: optional })} {...aria("summary")} />
          {err("summary")}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="startDate">{t("startDate")}</label>
            <DayInput id="startDate" {...register("startDate")} {...aria("startDate")} />
            {err("startDate")}
          </div>
          <div className="field">
            <label htmlFor="startPrecision">{t("startPrecision")}</label>
            <select id="startPrecision" {...register("startPrecision")}>
              <EnumOptions values={DATE_PRECISIONS} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="endDate">{t("endDate")}</label>
            <DayInput id="endDate" {...register("endDate", { setValueAs: optional })} {...aria("endDate")} />
            {err("endDate")}
          </div>
          <div className="field">
            <label htmlFor="endPrecision">{t("endPrecision")}</label>
            <select id="endPrecision" {...register("endPrecision", { setValueAs: optional })} {...aria("endPrecision")}>
              <option value="">—</option>
              <EnumOptions values={DATE_PRECISIONS} />
            </select>
            {err("endPrecision")}
          </div>
        </div>
        <div className="field">
          <label htmlFor="verification">{common("verification")}</label>
          <select id="verification" {...register("verification")}>
            <EnumOptions values={VERIFICATIONS} />
          </select>
        </div>
        <SourcesFieldset emptyNote={t("noSource")} />
        <div className="actions">
          <SaveButtons saving={saving} label={initial ? common("saveChanges") : t("record")} reviewing={reviewing} />{" "}
          <Link href={initial ? `/dyads/${watched.dyad ?? ""}` : "/admin"}>{common("cancel")}</Link>
        </div>
      </form>
    </FormProvider>
  );
}
