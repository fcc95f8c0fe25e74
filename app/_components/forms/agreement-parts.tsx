"use client";
// The repeatable parts of an agreement (parties, signatories, amounts, sectors), each a fieldset
// inside the agreement form's FormProvider.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useController, useFieldArray, useFormContext } from "react-hook-form";
import type { z } from "zod";
import { PartyKind } from "@/server/generated/prisma/enums";
import type { agreementInput } from "@/server/agreements/write-schemas";
import { FieldMessage, messageAt, useFieldMessages } from "./form-fields";
import { CountryOptions, EnumOptions } from "./options";

type AgreementValues = z.input<typeof agreementInput>;
const optional = (v: string) => v || undefined;

function useAgreementForm() {
  const form = useFormContext<AgreementValues>();
  const t = useTranslations("forms.agreement");
  const remove = useTranslations("forms.sources")("remove");
  return { ...form, ...useFieldMessages(form.formState.errors), t, remove };
}

/** A list's own message (too few, too many), wherever react-hook-form keeps it. */
function ListMessage({ path }: { path: "parties" | "signatories" | "amounts" | "sectors" }) {
  const { formState } = useFormContext<AgreementValues>();
  const message = messageAt(formState.errors, path) ?? messageAt(formState.errors, `${path}.root`);
  return message ? (
    <p className="error field-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function PartiesFieldset({ countries }: { countries: { code: string; name: string }[] }) {
  const { control, register, err, aria, t, remove } = useAgreementForm();
  const parties = useFieldArray({ control, name: "parties" });
  return (
    <fieldset>
      <legend>{t("parties")}</legend>
      {parties.fields.map((field, i) => (
        <div key={field.id} className="field-row">
          <div className="field grow">
            <label htmlFor={`parties.${i}.name`}>{t("party")}</label>
            <input id={`parties.${i}.name`} {...register(`parties.${i}.name`)} {...aria(`parties.${i}.name`)} />
            {err(`parties.${i}.name`)}
          </div>
          <div className="field">
            <label htmlFor={`parties.${i}.kind`}>{t("partyKind")}</label>
            <select id={`parties.${i}.kind`} {...register(`parties.${i}.kind`)}>
              <EnumOptions values={Object.values(PartyKind)} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`parties.${i}.country`}>{t("partyCountry")}</label>
            <select id={`parties.${i}.country`} {...register(`parties.${i}.country`, { setValueAs: optional })} {...aria(`parties.${i}.country`)}>
              <option value="">—</option>
              <CountryOptions countries={countries} />
            </select>
            {err(`parties.${i}.country`)}
          </div>
          <button type="button" onClick={() => parties.remove(i)} disabled={parties.fields.length === 1} aria-label={t("removeParty", { number: i + 1 })}>
            {remove}
          </button>
        </div>
      ))}
      <ListMessage path="parties" />
      <button type="button" onClick={() => parties.append({ name: "", kind: "STATE" })}>
        {t("addParty")}
      </button>
    </fieldset>
  );
}

export function SignatoriesFieldset() {
  const { control, register, err, aria, t, remove } = useAgreementForm();
  const signatories = useFieldArray({ control, name: "signatories" });
  return (
    <fieldset>
      <legend>{t("signatories")}</legend>
      {signatories.fields.length === 0 && <p className="meta">{t("noSignatory")}</p>}
      {signatories.fields.map((field, i) => (
        <div key={field.id} className="field-row">
          <div className="field">
            <label htmlFor={`signatories.${i}.name`}>{t("signatory")}</label>
            <input id={`signatories.${i}.name`} {...register(`signatories.${i}.name`)} {...aria(`signatories.${i}.name`)} />
            {err(`signatories.${i}.name`)}
          </div>
          <div className="field">
            <label htmlFor={`signatories.${i}.role`}>{t("role")}</label>
            <input id={`signatories.${i}.role`} {...register(`signatories.${i}.role`)} {...aria(`signatories.${i}.role`)} />
            {err(`signatories.${i}.role`)}
          </div>
          <div className="field">
            <label htmlFor={`signatories.${i}.onBehalfOf`}>{t("onBehalfOf")}</label>
            <input
              id={`signatories.${i}.onBehalfOf`}
              {...register(`signatories.${i}.onBehalfOf`, { setValueAs: optional })}
              {...aria(`signatories.${i}.onBehalfOf`)}
            />
            {err(`signatories.${i}.onBehalfOf`)}
          </div>
          <button type="button" onClick={() => signatories.remove(i)} aria-label={t("removeSignatory", { number: i + 1 })}>
            {remove}
          </button>
        </div>
      ))}
      <ListMessage path="signatories" />
      <button type="button" onClick={() => signatories.append({ name: "", role: "" })}>
        {t("addSignatory")}
      </button>
    </fieldset>
  );
}

export function AmountsFieldset() {
  const { control, register, err, aria, t, remove } = useAgreementForm();
  const amounts = useFieldArray({ control, name: "amounts" });
  return (
    <fieldset>
      <legend>{t("money")}</legend>
      {amounts.fields.length === 0 && <p className="meta">{t("noAmount")}</p>}
      {amounts.fields.map((field, i) => (
        <div key={field.id} className="field-row">
          <div className="field">
            <label htmlFor={`amounts.${i}.amount`}>{t("amount")}</label>
            <input id={`amounts.${i}.amount`} inputMode="decimal" {...register(`amounts.${i}.amount`)} {...aria(`amounts.${i}.amount`)} />
            {err(`amounts.${i}.amount`)}
          </div>
          <div className="field">
            <label htmlFor={`amounts.${i}.currency`}>{t("currency")}</label>
            <input
              id={`amounts.${i}.currency`}
              maxLength={3}
              placeholder="EUR"
              {...register(`amounts.${i}.currency`, { setValueAs: optional })}
              {...aria(`amounts.${i}.currency`)}
            />
            {err(`amounts.${i}.currency`)}
          </div>
          <div className="field grow">
            <label htmlFor={`amounts.${i}.label`}>{t("amountLabel")}</label>
            <input id={`amounts.${i}.label`} {...register(`amounts.${i}.label`)} {...aria(`amounts.${i}.label`)} />
            {err(`amounts.${i}.label`)}
          </div>
          <label>
            <input type="checkbox" {...register(`amounts.${i}.approximate`)} /> Approximate
          </label>
          <button type="button" onClick={() => amounts.remove(i)} aria-label={t("removeAmount", { number: i + 1 })}>
            {remove}
          </button>
        </div>
      ))}
      <ListMessage path="amounts" />
      <button type="button" onClick={() => amounts.append({ amount: "", label: "", approximate: false })}>
        {t("addAmount")}
      </button>
    </fieldset>
  );
}

const splitSectors = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Sectors typed as a comma-separated list; the text is kept as typed while it says the same list. */
export function SectorsInput() {
  const { control, formState } = useFormContext<AgreementValues>();
  const t = useTranslations("forms.agreement");
  const {
    field: { value, onChange, onBlur, name, ref },
  } = useController({ control, name: "sectors" });
  const sectors = value ?? [];
  const [text, setText] = useState(() => sectors.join(", "));
  const shown = splitSectors(text).join("\n") === sectors.join("\n") ? text : sectors.join(", ");
  const message = messageAt(formState.errors, "sectors") ?? sectors.map((_, i) => messageAt(formState.errors, `sectors.${i}`)).find(Boolean);
  return (
    <div className="field">
      <label htmlFor="sectors">{t("sectors")}</label>
      <input
        id="sectors"
        name={name}
        ref={ref}
        value={shown}
        onBlur={onBlur}
        onChange={(e) => {
          setText(e.target.value);
          onChange(splitSectors(e.target.value));
        }}
        aria-invalid={Boolean(message)}
        aria-describedby={message ? "sectors-error" : undefined}
      />
      <FieldMessage id="sectors-error" message={message} />
    </div>
  );
}
