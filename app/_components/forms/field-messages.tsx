// A field's message under it, tied to its control for screen readers (dotted paths reach into
// repeated rows: "amounts.0.currency").
import { ariaFor, messageAt } from "./record-form";

export function useFieldMessages(errors: unknown) {
  const err = (path: string) => {
    const message = messageAt(errors, path);
    return message ? (
      <p className="error field-error" id={`${path}-error`}>
        {message}
      </p>
    ) : null;
  };
  const aria = (path: string) => ariaFor(errors, path);
  return { err, aria };
}
