"use client";
// A save refused because someone saved the record meanwhile: the admin's input stays in the form,
// a panel lists the fields the saved version holds differently, and the admin chooses.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { apiErrorData, showServerErrors } from "./record-form";

interface Conflict<T> {
  version: number;
  values: T;
}

/**
 * The version a save is made against, and what its answer means: a success leaves for `href`
 * without the unsaved-changes warning, a conflict opens the panel, any other error lands on its
 * fields. `toForm` turns the server's values into the form's.
 */
export function useVersionedSave<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, "setError" | "reset">,
  initialVersion: number,
  toForm: (values: Record<string, unknown>) => T,
) {
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const onError = (error: unknown) => {
    const current = apiErrorData(error)?.conflict;
    if (current && error instanceof Error) {
      setConflict({ version: current.version, values: toForm(current.values as Record<string, unknown>) });
      return setFormError(error.message);
    }
    setFormError(showServerErrors(error, form.setError));
  };
  const resolve = (loadSaved: boolean) => {
    if (!conflict) return;
    if (loadSaved) form.reset(conflict.values);
    setVersion(conflict.version);
    setConflict(null);
    setFormError(null);
  };
  const saved = (href: string) => {
    form.reset(undefined, { keepValues: true });
    router.push(href);
    router.refresh();
  };
  return { version, saved, onError, clearError: () => setFormError(null), status: { formError, conflict, resolve } };
}

/** The form's own message (a refusal no field explains) and, after a stale save, the panel. */
export function SaveStatus<T extends FieldValues>({
  status,
  input,
}: {
  status: ReturnType<typeof useVersionedSave<T>>["status"];
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
