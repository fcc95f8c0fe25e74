"use client";
// News feeds for admins: register a feed, pause or remove one, dismiss a headline, edit a
// country's keyword lists. Each form checks with the procedure's own schema and shows the
// server's refusals on their fields; a success renders the page's server data again.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { countryKeywordsForm, FEED_LANGUAGES, feedInput } from "@/server/feeds/schemas";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CountryOptions } from "../forms/options";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";

interface Country {
  code: string;
  name: string;
}

export function RegisterFeedForm({ countries }: { countries: Country[] }) {
  const t = useTranslations("admin.controls.feeds");
  const trpc = useTRPC();
  const form = useSchemaForm(feedInput, { defaultValues: { url: "", language: "fr", country: countries[0]?.code ?? "" }, ...CHECK_ON_SUBMIT });
  const create = useMutation(trpc.feeds.create.mutationOptions(useRefreshingMutation(form)));
  const submit = form.handleSubmit((data) => create.mutate(data, { onSuccess: () => form.reset({ ...data, url: "" }) }));
  return (
    <form onSubmit={submit} className="panel form narrow" aria-label={t("registerForm")} noValidate>
      <h3>{t("registerForm")}</h3>
      <Field form={form} name="url" label={t("url")}>
        {(props) => <input {...props} type="url" inputMode="url" placeholder="https://…" maxLength={2000} dir="ltr" />}
      </Field>
      <Field form={form} name="language" label={t("language")}>
        {(props) => (
          <select {...props}>
            {FEED_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="country" label={t("country")}>
        {(props) => (
          <select {...props}>
            <CountryOptions countries={countries} />
          </select>
        )}
      </Field>
      <FormMessage form={form} />
      <SubmitButton busy={create.isPending}>
        {create.isPending ? t("registering") : t("register")}
      </SubmitButton>
    </form>
  );
}

/** One-click actions (pause, remove, dismiss): the page's data is rendered again after each; a refusal shows beside the buttons. */
function useOneClick() {
  const t = useTranslations("admin.controls.feeds");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    options: {
      onMutate: () => setError(null),
      onSuccess: () => router.refresh(),
      onError: (e: unknown) => setError(e instanceof Error ? e.message : t("saveFailed")),
    },
  };
}

function Refusal({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

export function FeedActions({ feed }: { feed: { id: string; name: string; active: boolean } }) {
  const t = useTranslations("admin.controls.feeds");
  const trpc = useTRPC();
  const { error, options } = useOneClick();
  const setActive = useMutation(trpc.feeds.setActive.mutationOptions(options));
  const remove = useMutation(trpc.feeds.delete.mutationOptions(options));
  const [confirming, setConfirming] = useState(false);
  const of = <span className="visually-hidden"> {feed.name}</span>;
  return (
    <>
      <button type="button" onClick={() => setActive.mutate({ id: feed.id, active: !feed.active })} disabled={setActive.isPending}>
        {feed.active ? t("pause") : t("resume")}
        {of}
      </button>{" "}
      {confirming ? (
        <span>
          <button type="button" onClick={() => remove.mutate({ id: feed.id })} disabled={remove.isPending}>
            {t("removeConfirm")}
            {of}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("keep")}
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t("remove")}
          {of}
        </button>
      )}
      <Refusal error={error} />
    </>
  );
}

export function DismissButton({ headline }: { headline: { id: string; title: string } }) {
  const t = useTranslations("admin.controls.feeds");
  const trpc = useTRPC();
  const { error, options } = useOneClick();
  const dismiss = useMutation(trpc.feeds.dismiss.mutationOptions(options));
  return (
    <>
      <button type="button" onClick={() => dismiss.mutate({ id: headline.id })} disabled={dismiss.isPending}>
        {t("dismiss")}
        <span className="visually-hidden"> {headline.title}</span>
      </button>
      <Refusal error={error} />
    </>
  );
}

export function KeywordsForm({ lists }: { lists: { code: string; name: string; fr: readonly string[]; en: readonly string[]; ar: readonly string[]; edited: boolean } }) {
  const t = useTranslations("admin.controls.feeds");
  const trpc = useTRPC();
  const form = useSchemaForm(countryKeywordsForm, {
    defaultValues: { country: lists.code, fr: lists.fr.join("\n"), en: lists.en.join("\n"), ar: lists.ar.join("\n") },
    ...CHECK_ON_SUBMIT,
  });
  const save = useMutation(trpc.feeds.saveKeywords.mutationOptions(useRefreshingMutation(form)));
  const submit = form.handleSubmit((data) => save.mutate(data));
  return (
    <form onSubmit={submit} className="panel form" aria-label={t("keywordsFor", { country: lists.name })} noValidate>
      <h3>
        {lists.name} <span className="meta">{lists.edited ? t("edited") : t("builtIn")}</span>
      </h3>
      <div className="field-row">
        {(["fr", "en", "ar"] as const).map((language) => (
          <Field key={language} form={form} name={language} label={t(`lists.${language}`)}>
            {(props) => <textarea {...props} rows={5} lang={language} dir={language === "ar" ? "rtl" : "ltr"} />}
          </Field>
        ))}
      </div>
      <FormMessage form={form} hidden="country" />
      <SubmitButton busy={save.isPending}>
        {save.isPending ? t("saving") : t("save", { country: lists.name })}
      </SubmitButton>
    </form>
  );
}
