"use client";
// The saved views I can open: owners rename and delete theirs; teammates duplicate shared ones.
import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { SavedView } from "@/server/views/service";
import { renameViewInput } from "@/server/views/schemas";
import { Field, FormMessage } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { isoDayOf } from "@/server/scope/day";

function ViewActions({ view }: { view: SavedView }) {
  const trpc = useTRPC();
  const [renaming, setRenaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const form = useSchemaForm(renameViewInput, { defaultValues: { id: view.id, name: view.name }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const rename = useMutation(trpc.views.rename.mutationOptions(options));
  const remove = useMutation(trpc.views.delete.mutationOptions(options));
  const duplicate = useMutation(trpc.views.duplicate.mutationOptions(options));

  const submitRename = form.handleSubmit((data) => rename.mutate(data, { onSuccess: () => setRenaming(false) }));

  if (!view.canEdit) {
    return (
      <div className="actions">
        <button type="button" disabled={duplicate.isPending} onClick={() => duplicate.mutate({ id: view.id })}>
          Duplicate
        </button>
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
      {confirmDelete ? (
        <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: view.id })}>
          Delete “{view.name}” for good
        </button>
      ) : (
        <button type="button" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
      )}
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
            {view.canEdit ? "Yours" : `By ${view.owner.name}`} · {view.team ? `shared with ${view.team.name}` : "only you"} · updated{" "}
            {isoDayOf(view.updatedAt)}
          </p>
          <ViewActions view={view} />
        </li>
      ))}
    </ul>
  );
}
