"use client";
// The saved views I can open: owners rename and delete theirs; teammates duplicate shared ones; a
// team's owners delete what a member who has left shared with it.
import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { SavedView } from "@/server/views/service";
import { renameViewForm } from "@/server/views/schemas";
import { Field, FormMessage } from "../forms/form-fields";
import { SaveStatus, useSaveConflict } from "../forms/record-save";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { isoDayOf } from "@/server/scope/day";

function DeleteButton({ view, remove }: { view: SavedView; remove: { isPending: boolean; mutate: (input: { id: string }) => void } }) {
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: view.id })}>
      Delete “{view.name}” for good
    </button>
  ) : (
    <button type="button" onClick={() => setConfirming(true)}>
      Delete
    </button>
  );
}

function ViewActions({ view }: { view: SavedView }) {
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
          Duplicate
        </button>
        {view.canDelete && <DeleteButton view={view} remove={remove} />}
        <FormMessage form={form} />
      </div>
    );
  }
  return (
    <div className="actions">
      {renaming ? (
        <form onSubmit={submitRename} className="inline-form" aria-label={`Rename ${view.name}`} noValidate>
          <Field form={form} name="name" label="New name">
            {(props) => <input {...props} maxLength={80} />}
          </Field>
          <button type="submit" disabled={rename.isPending}>
            Rename
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
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
          Rename
        </button>
      )}
      <DeleteButton view={view} remove={remove} />
      <FormMessage form={form} />
    </div>
  );
}

export function ViewList({ views }: { views: SavedView[] }) {
  if (views.length === 0) return <p className="empty">No saved view yet.</p>;
  return (
    <ul className="card-list" aria-label="Saved views">
      {views.map((view) => (
        <li key={view.id} className="card">
          <h2>
            <Link href={`/views/${view.id}`}>{view.name}</Link>
          </h2>
          <p className="meta">
            {view.canEdit ? "Yours" : `By ${view.owner.name}`}
            {view.ownerLeftTeam && ", who has left the team (read-only)"} · {view.team ? `shared with ${view.team.name}` : "only you"} · updated{" "}
            {isoDayOf(view.updatedAt)}
          </p>
          <ViewActions view={view} />
        </li>
      ))}
    </ul>
  );
}
