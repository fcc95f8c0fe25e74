"use client";
// Writing a note: its body, who reads it ("Only me" or one of my teams) and, for a day of a dyad's
// index, which day. Checked with the procedure's own schema; the server's refusals land on the fields.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { useTRPC } from "@/app/_trpc/client";
import { createNoteInput, NOTE_BODY_MAX, type NoteTarget } from "@/server/notes/schemas";
import { DayInput } from "../forms/day-input";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { ShareWithField } from "../forms/share-with-field";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";

export interface TeamOption {
  id: string;
  name: string;
}

/** The body, the sharing and the form's own message, as both the new-note and the edit forms show them. */
export function NoteFields<T extends FieldValues & { body: string; teamId: string | null }>({
  form,
  teams,
}: {
  form: Pick<UseFormReturn<T, unknown, unknown>, "register" | "formState">;
  teams: TeamOption[];
}) {
  const t = useTranslations("notes.form");
  // T holds both fields (its bound); FieldPath cannot see that through a type parameter.
  return (
    <>
      <Field form={form} name={"body" as FieldPath<T>} label={t("note")}>
        {(props) => <textarea {...props} dir="auto" rows={3} maxLength={NOTE_BODY_MAX} />}
      </Field>
      <ShareWithField form={form} name={"teamId" as FieldPath<T>} teams={teams} />
      <FormMessage form={form} />
    </>
  );
}

/** A new note about `on`; a day note also asks which day (starting from the one given). */
export function NewNoteForm({ on, teams, label }: { on: NoteTarget; teams: TeamOption[]; label: string }) {
  const t = useTranslations("notes.form");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useSchemaForm<z.input<typeof createNoteInput>, z.output<typeof createNoteInput>>(createNoteInput, {
    defaultValues: { body: "", teamId: null, on },
    ...CHECK_ON_SUBMIT,
  });
  const create = useMutation(trpc.notes.create.mutationOptions());
  const submit = form.handleSubmit(async (data) => {
    try {
      await create.mutateAsync(data);
      // Ready for the next note, shared as the last one was.
      form.reset({ body: "", teamId: data.teamId, on: form.getValues("on") });
      router.refresh();
    } catch (e) {
      showRefusal(form, e);
    }
  });

  return (
    <form onSubmit={submit} className="form note-form" aria-label={label} noValidate>
      {on.kind === "day" && (
        <Field form={form} name="on.day" label={t("day")}>
          {(props) => <DayInput {...props} />}
        </Field>
      )}
      <NoteFields form={form} teams={teams} />
      <div className="actions">
        <SubmitButton busy={create.isPending}>
          {t("add")}
        </SubmitButton>
      </div>
    </form>
  );
}
