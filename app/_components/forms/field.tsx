// A labelled form control with its error message tied to it for screen readers.
import { useId, type ReactNode } from "react";

export function Field({
  label,
  errors,
  children,
}: {
  label: string;
  errors?: string[];
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const message = errors?.[0];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(message), ...(message && { "aria-describedby": errorId }) })}
      {message && (
        <p id={errorId} className="error field-error">
          {message}
        </p>
      )}
    </div>
  );
}

export function FormMessage({ errors }: { errors: { form?: string } }) {
  return errors.form ? (
    <p className="error" role="alert">
      {errors.form}
    </p>
  ) : null;
}
