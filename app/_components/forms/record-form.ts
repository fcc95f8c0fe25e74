"use client";
// What every admin record form does the same way: warn before leaving unsaved changes, put the
// server's refusals on their fields, and tie each field's message to its control.
import { TRPCClientError } from "@trpc/client";
import { useEffect } from "react";
import type { FieldPath, FieldValues, FormState, UseFormSetError } from "react-hook-form";
import type { AppRouter } from "@/server/root";

/** The browser's own "leave this page?" while the form holds unsaved input. */
export function useUnsavedChangesWarning<T extends FieldValues>(formState: Pick<FormState<T>, "isDirty" | "isSubmitSuccessful">) {
  const { isDirty, isSubmitSuccessful } = formState;
  useEffect(() => {
    if (!isDirty || isSubmitSuccessful) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty, isSubmitSuccessful]);
}

/** The API's error shape, when the error came from it. */
export function apiErrorData(error: unknown) {
  return error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data : undefined;
}

/**
 * Sets the server's field messages on the form (an update's paths start with "data.", the form's
 * do not); returns the message for the top of the form.
 */
export function showServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string {
  if (!(error instanceof TRPCClientError)) return "Could not save. Check your connection and try again.";
  const fields = apiErrorData(error)?.fieldErrors ?? {};
  for (const [field, messages] of Object.entries(fields)) {
    if (messages?.[0]) setError(field.replace(/^data\./, "") as FieldPath<T>, { message: messages[0] });
  }
  return Object.keys(fields).length ? "Some fields need attention." : error.message;
}

/** A field's message found by its dotted path ("sources.0.url") in react-hook-form's errors. */
export function messageAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  const message = typeof node === "object" && node !== null ? (node as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : undefined;
}

/** aria-invalid and aria-describedby for a control whose message, if any, has id `${path}-error`. */
export function ariaFor(errors: unknown, path: string) {
  const message = messageAt(errors, path);
  return { "aria-invalid": Boolean(message), "aria-describedby": message ? `${path}-error` : undefined };
}
