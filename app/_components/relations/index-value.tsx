// An index value as cards and lists show it: the number on screen, and for screen readers the
// words that say what it is. Spoken text, not aria-label: a label on a plain <span> is not allowed
// by ARIA and most screen readers skip it, reading the bare number.
import { formatIndex } from "./format-index";

export function IndexValue({ value }: { value: number }) {
  return (
    <>
      <span className="visually-hidden">index, out of ±100: </span>
      <span className="value">{formatIndex(value)}</span>
    </>
  );
}
