"use client";
// The admin's event form: react-hook-form with the procedure's own zod schema (eventInput), the
// score it implies shown live, server refusals put back on their fields, and a stale save shown
// beside the admin's own input instead of overwriting anyone.
import { Link } from "@/app/_components/link";
import { useTranslations } from "next-intl";
import { FormProvider, useWatch } from "react-hook-form";
import { useEffect } from "react";
import type { z } from "zod";
import { useTRPCClient } from "@/app/_trpc/client";
import { eventInput } from "@/server/events/schemas";
import { CAMEO_OPTIONS, eventScore } from "@/server/method/goldstein";
import { DATE_PRECISIONS, LEVELS, METHOD, OVERRIDE_KEYS, VERIFICATIONS } from "@/server/method/params";
import { isoDayOf } from "@/server/scope/day";
import { useFieldMessages } from "./form-fields";
import { CountryOptions, DyadOptions, EnumOptions, useEnumWords } from "./options";
import { PlaceSelect, type PlaceOption } from "./place-select";
import { SourcesFieldset } from "./sources-fieldset";
import { afterSave, SaveButtons, useReviewChoice, type ReviewMode } from "./draft-save";
import { SaveStatus, useRecordSave } from "./record-save";
import { useSchemaForm } from "./schema-form";
import { DayInput } from "./day-input";

type FormValues = z.input<typeof eventInput>;

export interface EventFormOptions {
  dyads: { key: string; a: { code: string; name: string }; b: { code: string; name: string } }[];
  places: PlaceOption[];
  agreements: { id: string; title: string; date: Date | null }[];
}

const today = () => isoDayOf(new Date());

type EventWords = ReturnType<typeof useTranslations<"forms.event">>;

function liveScore(values: Pick<Partial<FormValues>, "cameoCode" | "overrideKey" | "scoreOverride" | "level" | "verification">, t: EventWords): string {
  try {
    if (!values.cameoCode || !values.level || !values.verification) return t("scoreNeeds");
    const s = eventScore({
      cameoCode: values.cameoCode,
      overrideKey: values.overrideKey ?? null,
      scoreOverride: typeof values.scoreOverride === "number" && !Number.isNaN(values.scoreOverride) ? values.scoreOverride : null,
      level: values.level,
      verification: values.verification,
    });
    return `s = G × L × V = ${s.g.toFixed(1)} × ${s.l} × ${s.v} = ${s.s.toFixed(2)}${s.gSource === "table" ? "" : s.gSource === "manual" ? t("scoreByHandNote") : t("scoreByOverrideNote")}`;
  } catch (e) {
    return e instanceof Error ? e.message : t("noScore");
  }
}

/**
 * A new event, an existing one (`initial`), or a GDELT cluster's values (`fromCluster`): saving
 * those accepts the cluster as the event (the server checks the cluster is still pending).
 * `fromHeadline`: a news headline's prefill (title, date, dyad, source); saving it marks the
 * headline as used by the new event (feeds.createEvent), checked again on the server.
 */
export function EventForm({
  options,
  initial,
  fromCluster,
  fromHeadline,
  review,
}: {
  options: EventFormOptions;
  initial?: { id: string; version: number; values: FormValues };
  fromCluster?: { clusterId: string; values: FormValues };
  /** `forReview`: review is required, so saving submits a draft (the server decides; the button says so). */
  fromHeadline?: { id: string; values: Partial<FormValues>; forReview?: boolean };
  /** Offered for a new event or an edit (not for a cluster or a headline, which have their own saves). */
  review?: ReviewMode<FormValues>;
}) {
  const form = useSchemaForm(eventInput, {
    defaultValues: review?.draft?.values ?? initial?.values ?? fromCluster?.values ?? {
      title: "",
      date: today(),
      datePrecision: "DAY",
      dyad: options.dyads[0]?.key ?? "",
      actor: options.dyads[0]?.a.code ?? "",
      target: options.dyads[0]?.b.code ?? "",
      cameoCode: "",
      level: "HEAD_OF_GOVERNMENT",
      verification: "CONFIRMED",
      sources: [],
      agreementIds: [],
      ...fromHeadline?.values,
    },
  });
  const { register, formState, control, getValues, setValue } = form;
  const watched = useWatch({ control });
  const dyad = options.dyads.find((d) => d.key === watched.dyad);
  const members = dyad ? [dyad.a, dyad.b] : [];
  // Actor and target must belong to the dyad. When another dyad is chosen, the old countries would
  // still be sent while the lists show the new ones, so both move to the new dyad's countries. In an
  // effect: the lists must hold the new countries before the selects can show them.
  useEffect(() => {
    if (!dyad) return;
    const codes = [dyad.a.code, dyad.b.code];
    const { actor, target } = getValues();
    if (codes.includes(actor) && codes.includes(target)) return;
    setValue("actor", dyad.a.code);
    setValue("target", dyad.b.code);
  }, [dyad, getValues, setValue]);

  const client = useTRPCClient();
  const reviewing = useReviewChoice(review);
  const { submit, saving, status } = useRecordSave(form, {
    version: initial?.version ?? 1,
    toForm: (values) => values as FormValues,
    save: async (data, version): Promise<{ id: string; draft?: boolean }> => {
      if (reviewing.isForReview()) return reviewing.saveDraft({ type: "Event", data }, initial && { id: initial.id, version });
      if (initial) return client.events.update.mutate({ id: initial.id, version, data });
      if (fromCluster) {
        // Changed fields with review required come back as a draft (the server compares).
        const accepted = await client.review.acceptEdited.mutate({ clusterId: fromCluster.clusterId, data });
        return accepted.eventId === undefined ? { id: accepted.draftId, draft: true } : { id: accepted.eventId };
      }
      if (fromHeadline) return client.feeds.createEvent.mutate({ headlineId: fromHeadline.id, data });
      return client.events.create.mutate(data);
    },
    after: (done) => afterSave(done, (id) => `/events/${id}`),
  });

  const { err, aria } = useFieldMessages(formState.errors);
  const t = useTranslations("forms.event");
  const saveWords = useTranslations("forms.save");
  const say = useEnumWords();

  return (
    <FormProvider {...form}>
      <form className="record-form" onSubmit={submit} noValidate aria-label={initial ? t("editForm") : fromCluster ? t("acceptForm") : t("newForm")}>
        <SaveStatus status={status} input={watched} />

        <div className="field">
          <label htmlFor="title">{t("title")}</label>
          <input id="title" {...register("title")} {...aria("title")} maxLength={220} />
          {err("title")}
        </div>
        <div className="field">
          <label htmlFor="summary">{t("summary")}</label>
          <textarea id="summary" rows={3} {...register("summary", { setValueAs: (v: string) => v || undefined })} {...aria("summary")} />
          {err("summary")}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="dyad">{t("dyad")}</label>
            <select id="dyad" {...register("dyad")} {...aria("dyad")}>
              <DyadOptions dyads={options.dyads} />
            </select>
            {err("dyad")}
          </div>
          <div className="field">
            <label htmlFor="actor">{t("actor")}</label>
            <select id="actor" {...register("actor")} {...aria("actor")}>
              <CountryOptions countries={members} />
            </select>
            {err("actor")}
          </div>
          <div className="field">
            <label htmlFor="target">{t("target")}</label>
            <select id="target" {...register("target")} {...aria("target")}>
              <CountryOptions countries={members} />
            </select>
            {err("target")}
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="date">{t("date")}</label>
            <DayInput id="date" {...register("date")} {...aria("date")} />
            {err("date")}
          </div>
          <div className="field">
            <label htmlFor="datePrecision">{t("datePrecision")}</label>
            <select id="datePrecision" {...register("datePrecision")}>
              <EnumOptions values={DATE_PRECISIONS} />
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="cameoCode">{t("eventType")}</label>
          <select id="cameoCode" {...register("cameoCode")} {...aria("cameoCode")}>
            <option value="">{t("chooseCameo")}</option>
            {CAMEO_OPTIONS.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label} (G {o.goldstein > 0 ? "+" : ""}
                {o.goldstein})
              </option>
            ))}
          </select>
          {err("cameoCode")}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="level">{t("level")}</label>
            <select id="level" {...register("level")}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {say(l)} (L {METHOD.levelWeights[l]})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="verification">{t("verification")}</label>
            <select id="verification" {...register("verification")}>
              {VERIFICATIONS.map((v) => (
                <option key={v} value={v}>
                  {say(v)} (V {METHOD.verificationWeights[v]})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="overrideKey">{t("override")}</label>
            <select id="overrideKey" {...register("overrideKey", { setValueAs: (v: string) => v || undefined })} {...aria("overrideKey")}>
              <option value="">{t("none")}</option>
              {OVERRIDE_KEYS.map((k) => (
                <option key={k} value={k}>
                  {METHOD.overrides[k].label} (G {METHOD.overrides[k].goldstein})
                </option>
              ))}
            </select>
            {err("overrideKey")}
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="scoreOverride">{t("scoreByHand")}</label>
            <input
              id="scoreOverride"
              inputMode="decimal"
              {...register("scoreOverride", { setValueAs: (v: string) => (v === "" || v === undefined ? undefined : Number(v)) })}
              {...aria("scoreOverride")}
            />
            {err("scoreOverride")}
          </div>
          <div className="field grow">
            <label htmlFor="overrideReason">{t("reasonByHand")}</label>
            <input id="overrideReason" {...register("overrideReason", { setValueAs: (v: string) => v || undefined })} {...aria("overrideReason")} />
            {err("overrideReason")}
          </div>
        </div>
        <p className="score-preview" aria-live="polite">
          {t("score", { score: liveScore(watched, t) })}
        </p>
        <PlaceSelect places={options.places} emptyLabel={t("placeEmpty")} />
        <SourcesFieldset emptyNote={t("noSource")} />
        <div className="field">
          <label htmlFor="agreementIds">{t("linkedAgreements")}</label>
          <select id="agreementIds" multiple size={5} {...register("agreementIds")} {...aria("agreementIds")}>
            {options.agreements.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
          {err("agreementIds")}
        </div>
        <div className="actions">
          <SaveButtons saving={saving} label={initial ? t("saveChanges") : fromCluster ? t("acceptForm") : fromHeadline?.forReview ? saveWords("submit") : t("record")} reviewing={reviewing} />{" "}
          <Link href={fromCluster ? "/admin/review" : "/admin"}>{t("cancel")}</Link>
        </div>
      </form>
    </FormProvider>
  );
}
