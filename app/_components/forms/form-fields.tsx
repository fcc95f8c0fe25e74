// Fields and their messages, for every form built with useSchemaForm: a message sits under its
// control and is tied to it for screen readers; dotted paths reach into repeated rows
// ("amounts.0.currency"). Messages are shown in the page's language (./spoken.ts).
import { useId, type ComponentProps, type ReactNode } from "react";
import type { FieldPath, FieldValues, FormState, UseFormRegister, UseFormRegisterReturn } from "react-hook-form";
import { useHydrated } from "../use-hydrated";
import { useSpoken } from "./spoken";

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

export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  const speak = useSpoken();
  return message ? (
    <p className="error field-error" id={id}>
      {speak(message)}
    </p>
  ) : null;
}

/** For forms that lay out their own controls (the record forms): `err(path)` under a control, `aria(path)` on it. */
export function useFieldMessages(errors: unknown) {
  const err = (path: string) => <FieldMessage id={`${path}-error`} message={messageAt(errors, path)} />;
  const aria = (path: string) => ariaFor(errors, path);
  return { err, aria };
}

interface FormParts<T extends FieldValues> {
  register: UseFormRegister<T>;
  formState: Pick<FormState<T>, "errors">;
}

type ControlProps = UseFormRegisterReturn & { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

/**
 * A labelled control registered on the form under `name`, with its message. The id is generated,
 * so the same form may appear many times on a page (a row per user, a card per team).
 */
export function Field<T extends FieldValues>({
  form,
  name,
  label,
  setValueAs,
  children,
}: {
  form: FormParts<T>;
  name: FieldPath<T>;
  label: string;
  setValueAs?: (value: string) => unknown;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const message = messageAt(form.formState.errors, name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ ...form.register(name, { setValueAs }), id, "aria-invalid": Boolean(message), ...(message && { "aria-describedby": errorId }) })}
      <FieldMessage id={errorId} message={message} />
    </div>
  );
}

/**
 * The form's own message: a refusal no field explains (root.server), or one the server put on a
 * field no control shows (`hidden`: the user a row or a Remove button is about).
 */
export function FormMessage<T extends FieldValues>({ form, hidden }: { form: Pick<FormParts<T>, "formState">; hidden?: string }) {
  const { errors } = form.formState;
  const speak = useSpoken();
  const message = errors.root?.server?.message ?? (hidden ? messageAt(errors, hidden) : undefined);
  return message ? (
    <p className="error" role="alert">
      {speak(message)}
    </p>
  ) : null;
}

/**
 * The send button of a form that only its handler may send (a tRPC call, a fetch): disabled while
 * `busy`, and until hydration. Before it, the handler is not attached and the browser would send
 * the form itself, a GET that reloads the page with every field, passwords too, in the address bar.
 * (The filter forms are GET forms meant to work so and keep a plain button.)
 */
export function SubmitButton({ busy = false, ...props }: Omit<ComponentProps<"button">, "type" | "disabled"> & { busy?: boolean }) {
  const hydrated = useHydrated();
  return <button {...props} type="submit" disabled={busy || !hydrated} />;
}
