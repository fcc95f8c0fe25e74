// Factories for tests: valid records to start from, changed field by field. Agreements are
// made to order: only what a test cares about is named, the rest is a plausible default.
// Dates are "YYYY-MM-DD"; null leaves an agreement undated (anticipated).
import type { Db } from "../../server/db-client";
import { eventInput, type EventInput } from "../../server/events/schemas";
import type { AgreementKind, AgreementStatus, DatePrecision, PartyKind } from "../../server/generated/prisma/enums";

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

export interface AgreementSpec {
  title: string;
  kind?: AgreementKind;
  status?: AgreementStatus;
  date?: string | null;
  datePrecision?: DatePrecision;
  summary?: string;
  sectors?: string[];
  /** A tracked dyad's key, e.g. "FRA-MAR". */
  dyad?: string;
  parties?: { name: string; kind?: PartyKind; country?: string }[];
  signatories?: { name: string; role: string; onBehalfOf?: string }[];
  amounts?: { amount: string; currency: string; label: string; approximate?: boolean }[];
  sources?: { publisher: string; title: string; url: string }[];
}

export async function createAgreement(db: Db, spec: AgreementSpec): Promise<{ id: string }> {
  const date = spec.date === undefined ? "2024-01-15" : spec.date;
  const status = spec.status ?? (date ? "SIGNED" : "ANTICIPATED");
  const dyad = spec.dyad ? await db.dyad.findUniqueOrThrow({ where: { key: spec.dyad }, select: { id: true } }) : null;
  return db.agreement.create({
    data: {
      title: spec.title,
      kind: spec.kind ?? "MOU",
      status,
      summary: spec.summary ?? null,
      date: date ? new Date(`${date}T00:00:00.000Z`) : null,
      datePrecision: date ? (spec.datePrecision ?? "DAY") : null,
      sectors: spec.sectors ?? [],
      dyadId: dyad?.id ?? null,
      parties: {
        create: (spec.parties ?? []).map((p, position) => ({ name: p.name, kind: p.kind ?? "STATE", countryCode: p.country ?? null, position })),
      },
      signatories: { create: (spec.signatories ?? []).map((s, position) => ({ ...s, position })) },
      statusHistory: { create: [{ status, date: date ? new Date(`${date}T00:00:00.000Z`) : null, datePrecision: date ? "DAY" : null }] },
      amounts: { create: spec.amounts ?? [] },
      sources: { create: spec.sources ?? [] },
    },
    select: { id: true },
  });
}
