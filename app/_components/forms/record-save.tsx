"use client";
// Saving a record form (event, condition, agreement) against the version it was opened at. A save
// refused because someone saved the record meanwhile keeps the admin's input in the form, a panel
// lists the fields the saved version holds differently, and the admin chooses. Until it is saved,
// leaving the page asks first. Saved views use the same version and panel (useSaveConflict).
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { FieldValues, FormState, UseFormReturn } from "react-hook-form";
import { said } from "@/server/shared/said";
import { apiErrorData, showServerErrors } from "./schema-form";
import { useSpoken } from "./spoken";

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
 * The version an editor saves against and the conflict a stale save brings back, for any editor of
 * a versioned thing (a record form, a saved view): `staleSave` opens the panel when a refusal is a
 * stale save; `resolve` then keeps the input (the next save goes over the newer version) or hands
 * the saved values to `load`.
 */
export function useSaveConflict<T>(initialVersion: number, load: (values: T) => void) {
  const [version, setVersion] = useState(initialVersion);
  // Archive and restore (beside the form) move the version on by one without touching a field,
  // and the page re-renders with it: the form follows, or its next save would be refused as
  // stale. Only that one step: a bigger jump means someone else saved, which must stay a conflict.
  const [rendered, setRendered] = useState(initialVersion);
  if (initialVersion !== rendered) {
    setRendered(initialVersion);
    if (initialVersion === rendered + 1 && version === rendered) setVersion(initialVersion);
  }
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  /** True, and the panel open, when `error` refused a stale save; `toForm` turns the server's values into the editor's. */
  const staleSave = (error: unknown, toForm: (values: Record<string, unknown>) => T): boolean => {
    const current = apiErrorData(error)?.conflict;
    if (!current) return false;
    setConflict({ version: current.version, values: toForm(current.values as Record<string, unknown>) });
    setFormError(error instanceof Error ? error.message : null);
    return true;
  };
  const resolve = (loadSaved: boolean) => {
    if (!conflict) return;
    if (loadSaved) load(conflict.values);
    setVersion(conflict.version);
    setConflict(null);
    setFormError(null);
  };
  return { version, setVersion, staleSave, setFormError, status: { formError, conflict, resolve } };
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
  const saving = useSaveConflict<T>(options.version, (values) => form.reset(values));

  const mutation = useMutation({
    mutationFn: (data: Parsed) => options.save(data, saving.version),
    onSuccess: (saved) => {
      form.reset(undefined, { keepValues: true });
      router.push(options.after(saved));
      router.refresh();
    },
    onError: (error) => {
      if (saving.staleSave(error, options.toForm)) return;
      // A save that never reached the server has no field to blame.
      if (!(error instanceof TRPCClientError)) return saving.setFormError(said("couldNotSave"));
      saving.setFormError(showServerErrors(error, form.setError) ?? said("fieldsNeedAttention"));
    },
  });
  const submit = form.handleSubmit((data) => {
    saving.setFormError(null);
    mutation.mutate(data);
  });
  return { submit, saving: mutation.isPending, status: saving.status };
}

/** The form's own message (a refusal no field explains) and, after a stale save, the panel. */
export function SaveStatus<T extends FieldValues>({
  status,
  input,
}: {
  status: { formError: string | null; conflict: Conflict<T> | null; resolve: (loadSaved: boolean) => void };
  input: Readonly<Record<string, unknown>>;
}) {
  const speak = useSpoken();
  return (
    <>
      {status.formError && (
        <p className="error" role="alert">
          {speak(status.formError)}
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
  const t = useTranslations("forms.save");
  return (
    <section className="conflict" aria-label={t("conflictLabel")}>
      <h2>{t("conflictTitle")}</h2>
      <p>{t("conflictIntro", { version: conflict.version })}</p>
      {changed.length === 0 ? (
        <p className="empty">{t("conflictNone")}</p>
      ) : (
        <ul>
          {changed.map(([field, value]) => (
            <li key={field}>
              <strong>{field}</strong>: {JSON.stringify(value) ?? t("empty")}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onResolve(false)}>
        {t("keepMine", { version: conflict.version })}
      </button>{" "}
      <button type="button" onClick={() => onResolve(true)}>
        {t("loadSaved")}
      </button>
    </section>
  );
}
