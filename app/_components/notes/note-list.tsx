"use client";
// Notes as their readers see them: the text exactly as written (rendered as text, in its own
// direction), who wrote it and who reads it. The author edits and deletes; a team's owners delete
// what a member who has left shared with it; everyone else only reads.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { bdiTag, linkTag } from "@/app/_components/rich-tags";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalystNote } from "@/server/notes/service";
import { noteForm } from "@/server/notes/schemas";
import { FormMessage, SubmitButton } from "../forms/form-fields";
import { SaveStatus, useSaveConflict } from "../forms/record-save";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { useFormat } from "../use-format";
import { NoteFields, type TeamOption } from "./note-form";

function DeleteNote({ note }: { note: AnalystNote }) {
  const t = useTranslations("notes.item");
  const trpc = useTRPC();
  const form = useSchemaForm(noteForm, { defaultValues: { body: note.body, teamId: note.team?.id ?? null }, ...CHECK_ON_SUBMIT });
  const remove = useMutation(trpc.notes.delete.mutationOptions(useRefreshingMutation(form)));
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {confirming ? (
        <>
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: note.id })}>
            {t("deleteForGood")}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t("keep")}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t("delete")}
        </button>
      )}
      <FormMessage form={form} />
    </>
  );
}

function EditNote({ note, teams, done }: { note: AnalystNote; teams: TeamOption[]; done: () => void }) {
  const t = useTranslations("notes.form");
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
    <form onSubmit={submit} className="form note-form" aria-label={t("editLabel")} noValidate>
      <NoteFields form={form} teams={teams} />
      <div className="actions">
        <SubmitButton busy={update.isPending}>
          {t("save")}
        </SubmitButton>
        <button type="button" onClick={done}>
          {t("cancel")}
        </button>
      </div>
      <SaveStatus status={saving.status} input={form.getValues()} />
    </form>
  );
}

/** Where a note on a dyad's chart links, for the dyad page's list: its record, or none for a day of the index. */
function subjectHref(note: AnalystNote): string | null {
  if (note.on.kind === "event" && note.on.id) return `/events/${note.on.id}`;
  if (note.on.kind === "agreement" && note.on.id) return `/agreements/${note.on.id}`;
  return null;
}

const timeTag = (day: string) => (chunks: ReactNode) => <time dateTime={day}>{chunks}</time>;

function NoteItem({ note, teams, showSubject }: { note: AnalystNote; teams: TeamOption[]; showSubject: boolean }) {
  const t = useTranslations("notes.item");
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const day = note.day;
  const href = subjectHref(note);
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
        {showSubject && day && (
          <>
            {href
              ? t.rich("placed", { date: format.day(day), time: timeTag(day), title: note.on.title ?? "", link: linkTag(href), bdi: bdiTag })
              : t.rich("placedOnIndex", { date: format.day(day), time: timeTag(day) })}{" "}
            ·{" "}
          </>
        )}
        {note.canEdit ? t("you") : <bdi>{note.owner.name}</bdi>} · {note.team ? t.rich("sharedWith", { team: note.team.name, bdi: bdiTag }) : t("onlyYou")} ·{" "}
        {t("written", { day: format.day(note.createdAt) })}
        {note.version > 1 && `, ${t("edited", { day: format.day(note.updatedAt) })}`}
      </p>
      {!editing && (note.canEdit || note.canDelete) && (
        <div className="actions">
          {note.canEdit && (
            <button type="button" onClick={() => setEditing(true)}>
              {t("edit")}
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
