"use client";
// "Save view": names the dashboard's current state and shares it with "Only me" or a team.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { saveViewForm } from "@/server/views/schemas";
import type { ViewState } from "@/server/views/state";
import { dashboardHref, viewStateFromSearchParams } from "@/server/views/url";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { ShareWithField } from "../forms/share-with-field";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";

export function SaveViewDialog({ state, teams }: { state: ViewState; teams: { id: string; name: string }[] }) {
  const t = useTranslations("views.save");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const form = useSchemaForm(saveViewForm, { defaultValues: { name: "", teamId: null }, ...CHECK_ON_SUBMIT });
  const create = useMutation(trpc.views.create.mutationOptions());

  // Built at submit, not at render: it closes the dialog through its ref.
  const save = (event: FormEvent<HTMLFormElement>) =>
    form.handleSubmit(async (data) => {
      try {
        // The address bar is the truth: the map writes its viewport there without a page load.
        const current = typeof window === "undefined" ? state : viewStateFromSearchParams(new URLSearchParams(window.location.search));
        const view = await create.mutateAsync({ ...data, state: current });
        dialog.current?.close();
        router.push(dashboardHref(view.state, view.id));
      } catch (e) {
        showRefusal(form, e);
      }
    })(event);

  return (
    <>
      <button
        type="button"
        onClick={() => {
          form.clearErrors();
          dialog.current?.showModal();
        }}
      >
        {t("open")}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="panel">
        <form onSubmit={save} className="form" noValidate>
          <h2 id={titleId}>{t("title")}</h2>
          <Field form={form} name="name" label={t("name")}>
            {(props) => <input {...props} maxLength={80} required />}
          </Field>
          <ShareWithField form={form} name="teamId" teams={teams} />
          <FormMessage form={form} />
          <div className="actions">
            <SubmitButton busy={create.isPending}>
              {t("save")}
            </SubmitButton>
            <button type="button" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
