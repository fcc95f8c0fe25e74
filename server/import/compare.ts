// Whether a row would change the stored event: the test that makes re-importing a file a no-op.
import type { EventInput } from "../events/schemas";
import { fromDay, toDay } from "../method/day";

const day = (value: string | undefined) => (value === undefined ? undefined : fromDay(toDay(value)));

/** One spelling per meaning: what the database keeps, in a stable order. */
export function canonicalEvent(e: EventInput): EventInput {
  return {
    ...e,
    date: fromDay(toDay(e.date)),
    summary: e.summary || undefined,
    // The stored event keeps a reason only beside a manual score (eventColumns).
    overrideReason: e.scoreOverride !== undefined ? e.overrideReason || undefined : undefined,
    sources: e.sources
      .map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: day(s.publishedOn) }))
      // Source order carries no meaning and the database does not keep it.
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    agreementIds: [...new Set(e.agreementIds)].sort(),
  };
}

/** JSON with keys sorted and undefined left out, so equal events give equal strings. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export function sameEvent(a: EventInput, b: EventInput): boolean {
  return stableJson(canonicalEvent(a)) === stableJson(canonicalEvent(b));
}
