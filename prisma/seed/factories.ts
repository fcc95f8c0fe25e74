// Factories for tests: valid records to start from, changed field by field.
import { eventInput, type EventInput } from "../../server/events/schemas";

/** Algeria recalls its ambassador from Paris, today: valid as entered through the admin form. */
export function eventInputFixture(overrides: Partial<Record<keyof EventInput, unknown>> = {}): EventInput {
  return eventInput.parse({
    title: "Algeria recalls its ambassador from Paris",
    date: new Date().toISOString().slice(0, 10),
    datePrecision: "DAY",
    dyad: "FRA-DZA",
    actor: "DZA",
    target: "FRA",
    cameoCode: "161",
    overrideKey: "AMBASSADOR_RECALLED",
    level: "HEAD_OF_GOVERNMENT",
    verification: "CONFIRMED",
    sources: [{ publisher: "Example Wire", title: "Algiers recalls envoy", url: "https://example.org/recall" }],
    ...overrides,
  });
}
