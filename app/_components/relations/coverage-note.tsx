// Staleness and coverage of a value, in text with its numbers: the stale mark is words, not a colour.
import { coverageSentence, STALE_NOTE, type Coverage } from "@/server/method/coverage";

export function CoverageNote({ coverage }: { coverage: Coverage }) {
  return (
    <>
      <p className="meta coverage">{coverageSentence(coverage)}</p>
      {coverage.stale && (
        <p className="stale-note">
          <strong>{STALE_NOTE}</strong>
        </p>
      )}
    </>
  );
}
