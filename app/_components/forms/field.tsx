// The dashboard filter bar's labelled controls and message, for its hand-read FormData: they leave
// with that filter bar, which is being replaced. Every other form uses form-fields.tsx.
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
