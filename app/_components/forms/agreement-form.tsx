"use client";
// The admin's agreement form, new or edited: react-hook-form with the procedure's own zod schema
// (agreementInput), refusals on their fields (money without a currency, a future date for an
// agreement that is not anticipated, a link that is not http(s)), a stale save shown beside the
// admin's input. A new status is added to the agreement's history with its date and note.
import { Link } from "@/app/_components/link";
import { useTranslations } from "next-intl";
import { FormProvider, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useTRPCClient } from "@/app/_trpc/client";
import { agreementInput } from "@/server/agreements/write-schemas";
import { AgreementKind, AgreementStatus } from "@/server/generated/prisma/enums";
import { DATE_PRECISIONS } from "@/server/method/params";
import { agreementKindLabel } from "../format";
import { AmountsFieldset, PartiesFieldset, SectorsInput, SignatoriesFieldset } from "./agreement-parts";
import { useFieldMessages } from "./form-fields";
import { DyadOptions, EnumOptions } from "./options";
import { PlaceSelect, type PlaceOption } from "./place-select";
import { SourcesFieldset } from "./sources-fieldset";
import { afterSave, SaveButtons, useReviewChoice, type RecordFormProps } from "./draft-save";
import { SaveStatus, useRecordSave } from "./record-save";
import { useSchemaForm } from "./schema-form";
import { DayInput } from "./day-input";

type FormValues = z.input<typeof agreementInput>;
type Parsed = z.output<typeof agreementInput>;

const optional = (v: string) => v || undefined;

export interface AgreementFormOptions {
  dyads: { key: string; a: { code: string; name: string }; b: { code: string; name: string } }[];
  countries: { code: string; name: string }[];
  places: PlaceOption[];
}

export function AgreementForm({ options, initial, review }: RecordFormProps<AgreementFormOptions, Parsed>) {
  const form = useSchemaForm(agreementInput, {
    defaultValues: review?.draft?.values ?? initial?.values ?? {
      title: "",
      kind: "MOU",
      status: "SIGNED",
      datePrecision: "DAY",
      sectors: [],
      parties: [{ name: "", kind: "STATE" }],
      signatories: [],
      amounts: [],
      sources: [],
    },
  });
  const { register, formState, control } = form;
  const watched = useWatch({ control });

  const client = useTRPCClient();
  const reviewing = useReviewChoice(review);
  const { submit, saving, status } = useRecordSave(form, {
    version: initial?.version ?? 1,
    toForm: (values) => values as FormValues,
    save: (data, version): Promise<{ id: string; draft?: boolean }> => {
      if (reviewing.isForReview()) return reviewing.saveDraft({ type: "Agreement", data }, initial && { id: initial.id, version });
      return initial ? client.agreements.update.mutate({ id: initial.id, version, data }) : client.agreements.create.mutate(data);
    },
    after: (done) => afterSave(done, (id) => `/agreements/${id}`),
  });

  const { err, aria } = useFieldMessages(formState.errors);
  const t = useTranslations("forms.agreement");
  const common = useTranslations("forms.event");
  const statusChanged = initial && watched.status !== initial.values.status;

  return (
    <FormProvider {...form}>
      <form className="record-form" onSubmit={submit} noValidate aria-label={initial ? t("editForm") : t("newForm")}>
        <SaveStatus status={status} input={watched} />
        <div className="field">
          <label htmlFor="title">{common("title")}</label>
          <input id="title" {...register("title")} {...aria("title")} maxLength={220} />
          {err("title")}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="kind">{t("kind")}</label>
            <select id="kind" {...register("kind")}>
              {Object.values(AgreementKind).map((k) => (
                <option key={k} value={k}>
                  {agreementKindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dyad">{common("dyad")}</label>
            <select id="dyad" {...register("dyad", { setValueAs: optional })} {...aria("dyad")}>
              <option value="">{t("noDyad")}</option>
              <DyadOptions dyads={options.dyads} />
            </select>
            {err("dyad")}
          </div>
        </div>
        <div className="field">
          <label htmlFor="summary">{common("summary")}</label>
          <textarea id="summary" rows={3} {...register("summary", { setValueAs: optional })} {...aria("summary")} />
          {err("summary")}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="date">{common("date")}</label>
            <DayInput id="date" {...register("date", { setValueAs: optional })} {...aria("date")} />
            {err("date")}
          </div>
          <div className="field">
            <label htmlFor="datePrecision">{common("datePrecision")}</label>
            <select id="datePrecision" {...register("datePrecision", { setValueAs: optional })} {...aria("datePrecision")}>
              <option value="">—</option>
              <EnumOptions values={DATE_PRECISIONS} />
            </select>
            {err("datePrecision")}
          </div>
          <PlaceSelect places={options.places} emptyLabel={t("placeEmpty")} />
        </div>
        <fieldset>
          <legend>{t("currentStatus")}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor="status">{t("status")}</label>
              <select id="status" {...register("status")}>
                <EnumOptions values={Object.values(AgreementStatus)} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="statusDate">{t("statusDate")}</label>
              <DayInput id="statusDate" {...register("statusDate", { setValueAs: optional })} {...aria("statusDate")} />
              {err("statusDate")}
            </div>
            <div className="field grow">
              <label htmlFor="statusNote">{t("statusNote")}</label>
              <input id="statusNote" {...register("statusNote", { setValueAs: optional })} {...aria("statusNote")} />
              {err("statusNote")}
            </div>
          </div>
          <p className="meta" aria-live="polite">
            {statusChanged
              ? t("statusChanged")
              : t("statusHint")}
          </p>
        </fieldset>
        <SectorsInput />
        <PartiesFieldset countries={options.countries} />
        <SignatoriesFieldset />
        <AmountsFieldset />
        <SourcesFieldset emptyNote={t("noSource")} />
        <p className="meta">{t("eventsLink")}</p>
        <div className="actions">
          <SaveButtons saving={saving} label={initial ? common("saveChanges") : t("record")} reviewing={reviewing} />{" "}
          <Link href={initial ? `/agreements/${initial.id}` : "/admin"}>{common("cancel")}</Link>
        </div>
      </form>
    </FormProvider>
  );
}
