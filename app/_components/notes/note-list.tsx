"use client";
// Notes as their readers see them: the text exactly as written (rendered as text, in its own
// direction), who wrote it and who reads it. The author edits and deletes; a team's owners delete
// what a member who has left shared with it; everyone else only reads.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalystNote } from "@/server/notes/service";
import { noteForm } from "@/server/notes/schemas";
import { isoDayOf } from "@/server/scope/day";
import { FormMessage } from "../forms/form-fields";
import { SaveStatus, useSaveConflict } from "../forms/record-save";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { NoteFields, type TeamOption } from "./note-form";

function DeleteNote({ note }: { note: AnalystNote }) {
  const trpc = useTRPC();
  const form = useSchemaForm(noteForm, { defaultValues: { body: note.body, teamId: note.team?.id ?? null }, ...CHECK_ON_SUBMIT });
  const remove = useMutation(trpc.notes.delete.mutationOptions(useRefreshingMutation(form)));
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {confirming ? (
        <>
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: note.id })}>
            Delete this note for good
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      <FormMessage form={form} />
    </>
  );
}

function EditNote({ note, teams, done }: { note: AnalystNote; teams: TeamOption[]; done: () => void }) {
  const trpc = useTRPC();
  const values = { body: note.body, teamId: note.team?.id ?? null };
  const form = useSchemaForm(noteForm, { defaultValues: values, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  // Saved against the version this page showed: an edit from another tab meanwhile opens the panel.
  const saving = useSaveConflict<typeof values>(note.version, (saved) => form.reset(saved));
  const update = useMutation(
    trpc.notes.update.mutationOptions({
      onSuccess: (saved) => {
        saving.setVersion(saved.version);
        done();
        options.onSuccess();
      },
      onError: (error) => {
        if (!saving.staleSave(error, (current) => ({ body: String(current.body), teamId: typeof current.teamId === "string" ? current.teamId : null }))) options.onError(error);
      },
    }),
  );
  const submit = form.handleSubmit((data) => update.mutate({ ...data, id: note.id, version: saving.version }));
  return (
    <form onSubmit={submit} className="form note-form" aria-label="Edit note" noValidate>
      <NoteFields form={form} teams={teams} />
      <div className="actions">
        <button type="submit" disabled={update.isPending}>
          Save note
        </button>
        <button type="button" onClick={done}>
          Cancel
        </button>
      </div>
      <SaveStatus status={saving.status} input={form.getValues()} />
    </form>
  );
}

/** What a note on a dyad's chart is about, linked, for the dyad page's list. */
function Subject({ note }: { note: AnalystNote }) {
  if (note.on.kind === "event" && note.on.id) return <Link href={`/events/${note.on.id}`}>{note.on.title}</Link>;
  if (note.on.kind === "agreement" && note.on.id) return <Link href={`/agreements/${note.on.id}`}>{note.on.title}</Link>;
  return <>the index that day</>;
}

function NoteItem({ note, teams, showSubject }: { note: AnalystNote; teams: TeamOption[]; showSubject: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="note" id={`note-${note.id}`}>
      {editing ? (
        <EditNote note={note} teams={teams} done={() => setEditing(false)} />
      ) : (
        <p dir="auto" className="note-body">
          {note.body}
        </p>
      )}
      <p className="meta">
        {showSubject && note.day && (
          <>
            <time dateTime={note.day}>{note.day}</time>, on <Subject note={note} /> ·{" "}
          </>
        )}
        {note.canEdit ? "You" : note.owner.name} · {note.team ? `shared with ${note.team.name}` : "only you"} · written {isoDayOf(note.createdAt)}
        {note.version > 1 && `, edited ${isoDayOf(note.updatedAt)}`}
      </p>
      {!editing && (note.canEdit || note.canDelete) && (
        <div className="actions">
          {note.canEdit && (
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {note.canDelete && <DeleteNote note={note} />}
        </div>
      )}
    </li>
  );
}

/** The notes, or a sentence saying there are none; `showSubject` adds each one's day and what it is about. */
export function NoteList({ notes, teams, label, empty, showSubject = false }: { notes: AnalystNote[]; teams: TeamOption[]; label: string; empty: string; showSubject?: boolean }) {
  if (notes.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="note-list" aria-label={label}>
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} teams={teams} showSubject={showSubject} />
      ))}
    </ul>
  );
}
