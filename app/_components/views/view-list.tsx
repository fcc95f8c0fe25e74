"use client";
// The saved views I can open: owners rename and delete theirs; teammates duplicate shared ones; a
// team's owners delete what a member who has left shared with it.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { SavedView } from "@/server/views/service";
import { renameViewForm } from "@/server/views/schemas";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { SaveStatus, useSaveConflict } from "../forms/record-save";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { useFormat } from "../use-format";

function DeleteButton({ view, remove }: { view: SavedView; remove: { isPending: boolean; mutate: (input: { id: string }) => void } }) {
  const t = useTranslations("views.list");
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: view.id })}>
      {t("deleteForGood", { name: view.name })}
    </button>
  ) : (
    <button type="button" onClick={() => setConfirming(true)}>
      {t("delete")}
    </button>
  );
}

function ViewActions({ view }: { view: SavedView }) {
  const t = useTranslations("views.list");
  const trpc = useTRPC();
  const [renaming, setRenaming] = useState(false);
  const form = useSchemaForm(renameViewForm, { defaultValues: { name: view.name }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  // A rename goes against the version this list showed: one saved meanwhile (another tab) opens the panel.
  const saving = useSaveConflict<{ name: string }>(view.version, (saved) => form.reset(saved));
  const rename = useMutation(
    trpc.views.rename.mutationOptions({
      onSuccess: (saved) => {
        saving.setVersion(saved.version);
        setRenaming(false);
        options.onSuccess();
      },
      onError: (error) => {
        if (!saving.staleSave(error, (values) => ({ name: String(values.name) }))) options.onError(error);
      },
    }),
  );
  const remove = useMutation(trpc.views.delete.mutationOptions(options));
  const duplicate = useMutation(trpc.views.duplicate.mutationOptions(options));

  const submitRename = form.handleSubmit((data) => rename.mutate({ ...data, id: view.id, version: saving.version }));

  if (!view.canEdit) {
    return (
      <div className="actions">
        <button type="button" disabled={duplicate.isPending} onClick={() => duplicate.mutate({ id: view.id })}>
          {t("duplicate")}
        </button>
        {view.canDelete && <DeleteButton view={view} remove={remove} />}
        <FormMessage form={form} />
      </div>
    );
  }
  return (
    <div className="actions">
      {renaming ? (
        <form onSubmit={submitRename} className="inline-form" aria-label={t("renameLabel", { name: view.name })} noValidate>
          <Field form={form} name="name" label={t("newName")}>
            {(props) => <input {...props} maxLength={80} />}
          </Field>
          <SubmitButton busy={rename.isPending}>
            {t("rename")}
          </SubmitButton>
          <button type="button" onClick={() => setRenaming(false)}>
            {t("cancel")}
          </button>
          <SaveStatus status={saving.status} input={form.getValues()} />
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            // Every opening starts from the view's current name, not from text left by a cancelled rename.
            form.setValue("name", view.name);
            setRenaming(true);
          }}
        >
          {t("rename")}
        </button>
      )}
      <DeleteButton view={view} remove={remove} />
      <FormMessage form={form} />
    </div>
  );
}

export function ViewList({ views }: { views: SavedView[] }) {
  const t = useTranslations("views.list");
  const format = useFormat();
  if (views.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <ul className="card-list" aria-label={t("label")}>
      {views.map((view) => (
        <li key={view.id} className="card">
          <h2>
            <Link href={`/views/${view.id}`} dir="auto">
              {view.name}
            </Link>
          </h2>
          <p className="meta">
            {view.canEdit ? t("yours") : t("by", { owner: view.owner.name })}
            {view.ownerLeftTeam && t("ownerLeft")} · {view.team ? t("sharedWith", { team: view.team.name }) : t("onlyYou")} ·{" "}
            {t("updated", { day: format.day(view.updatedAt) })}
          </p>
          <ViewActions view={view} />
        </li>
      ))}
    </ul>
  );
}
