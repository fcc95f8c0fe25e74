"use client";
// Saving a record form (event, condition, agreement) against the version it was opened at. A save
// refused because someone saved the record meanwhile keeps the admin's input in the form, a panel
// lists the fields the saved version holds differently, and the admin chooses. Until it is saved,
// leaving the page asks first.
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { FieldValues, FormState, UseFormReturn } from "react-hook-form";
import { apiErrorData, showServerErrors } from "./schema-form";

interface Conflict<T> {
  version: number;
  values: T;
}

/** The browser's own "leave this page?" while the form holds unsaved input. */
function useUnsavedChangesWarning<T extends FieldValues>(formState: Pick<FormState<T>, "isDirty" | "isSubmitSuccessful">) {
  const { isDirty, isSubmitSuccessful } = formState;
  useEffect(() => {
    if (!isDirty || isSubmitSuccessful) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty, isSubmitSuccessful]);
}

/**
 * Saves a record form (`save` creates or updates, against `version`): a success leaves for the
 * page `after` names without the unsaved-changes warning, a conflict opens the panel, any other
 * refusal lands on its fields. `toForm` turns the server's values into the form's. Unsaved input
 * is guarded until then.
 */
export function useRecordSave<T extends FieldValues, Parsed, Saved>(
  form: Pick<UseFormReturn<T, unknown, Parsed>, "setError" | "reset" | "handleSubmit" | "formState">,
  options: {
    version: number;
    toForm: (values: Record<string, unknown>) => T;
    save: (data: Parsed, version: number) => Promise<Saved>;
    after: (saved: Saved) => string;
  },
) {
  useUnsavedChangesWarning(form.formState);
  const router = useRouter();
  const [version, setVersion] = useState(options.version);
  // Archive and restore (beside the form) move the version on by one without touching a field,
  // and the page re-renders with it: the form follows, or its next save would be refused as
  // stale. Only that one step: a bigger jump means someone else saved, which must stay a conflict.
  const [rendered, setRendered] = useState(options.version);
  if (options.version !== rendered) {
    setRendered(options.version);
    if (options.version === rendered + 1 && version === rendered) setVersion(options.version);
  }
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (data: Parsed) => options.save(data, version),
    onSuccess: (saved) => {
      form.reset(undefined, { keepValues: true });
      router.push(options.after(saved));
      router.refresh();
    },
    onError: (error) => {
      const current = apiErrorData(error)?.conflict;
      if (current) {
        setConflict({ version: current.version, values: options.toForm(current.values as Record<string, unknown>) });
        return setFormError(error.message);
      }
      // A save that never reached the server has no field to blame.
      if (!(error instanceof TRPCClientError)) return setFormError("Could not save. Check your connection and try again.");
      setFormError(showServerErrors(error, form.setError) ?? "Some fields need attention.");
    },
  });
  const submit = form.handleSubmit((data) => {
    setFormError(null);
    mutation.mutate(data);
  });
  const resolve = (loadSaved: boolean) => {
    if (!conflict) return;
    if (loadSaved) form.reset(conflict.values);
    setVersion(conflict.version);
    setConflict(null);
    setFormError(null);
  };
  return { submit, saving: mutation.isPending, status: { formError, conflict, resolve } };
}

/** The form's own message (a refusal no field explains) and, after a stale save, the panel. */
export function SaveStatus<T extends FieldValues>({
  status,
  input,
}: {
  status: { formError: string | null; conflict: Conflict<T> | null; resolve: (loadSaved: boolean) => void };
  input: Readonly<Record<string, unknown>>;
}) {
  return (
    <>
      {status.formError && (
        <p className="error" role="alert">
          {status.formError}
        </p>
      )}
      {status.conflict && <ConflictPanel conflict={status.conflict} input={input} onResolve={status.resolve} />}
    </>
  );
}

function ConflictPanel<T extends FieldValues>({
  conflict,
  input,
  onResolve,
}: {
  conflict: Conflict<T>;
  input: Readonly<Record<string, unknown>>;
  onResolve: (loadSaved: boolean) => void;
}) {
  const changed = Object.entries(conflict.values).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(input[field]));
  return (
    <section className="conflict" aria-label="Changes saved meanwhile">
      <h2>Saved meanwhile by someone else</h2>
      <p>Your input is still in the form. These fields differ in the saved version {conflict.version}:</p>
      {changed.length === 0 ? (
        <p className="empty">None: the saved version holds what you entered.</p>
      ) : (
        <ul>
          {changed.map(([field, value]) => (
            <li key={field}>
              <strong>{field}</strong>: {JSON.stringify(value) ?? "(empty)"}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onResolve(false)}>
        Keep my input and save over version {conflict.version}
      </button>{" "}
      <button type="button" onClick={() => onResolve(true)}>
        Load the saved version
      </button>
    </section>
  );
}
