// Shapes of the seed data: plain values, checked by TypeScript, loaded by prisma/seed.ts.
// Dates are "YYYY-MM-DD" strings; with a coarser precision the date is any day inside the
// interval (by convention its first day: "2025-04-01" + MONTH means "April 2025").
import type {
  AgreementKind,
  AgreementStatus,
  ConditionKind,
  DatePrecision,
  Level,
  PartyKind,
  TerritoryStatus,
  VerificationStatus,
} from "../../../server/generated/prisma/enums";

export type IsoDate = `${number}-${number}-${number}`;

export interface SeedCountry {
  code: string;
  name: string;
  status: TerritoryStatus;
  statusNote?: string;
  capital: { name: string; lat: number; lon: number } | null;
}

export interface SeedSource {
  publisher: string;
  title: string;
  url: string;
  publishedOn?: IsoDate;
}

export interface SeedPlace {
  name: string;
  lat: number;
  lon: number;
}

export interface SeedEvent {
  /** Stable id: re-seeding updates this row instead of adding another. */
  externalId: string;
  title: string;
  summary?: string;
  date: IsoDate;
  datePrecision: DatePrecision;
  actor: string; // alpha-3
  target: string; // alpha-3
  cameoCode: string;
  /** A named override from server/method/goldstein.ts OVERRIDES, when one applies. */
  overrideKey?: "AMBASSADOR_RECALLED" | "RELATIONS_SEVERED" | "TERRITORIAL_RECOGNITION";
  level: Level;
  verification: VerificationStatus;
  place?: SeedPlace;
  sources: SeedSource[];
  /** externalIds of agreements this event is about. */
  agreements?: string[];
}

export interface SeedCondition {
  externalId: string;
  dyad: string; // "DZA-MAR"
  kind: ConditionKind;
  holder?: string;
  points: number;
  title: string;
  summary?: string;
  startDate: IsoDate;
  startPrecision: DatePrecision;
  endDate?: IsoDate;
  endPrecision?: DatePrecision;
  verification: VerificationStatus;
  sources: SeedSource[];
}

export interface SeedAgreement {
  externalId: string;
  title: string;
  kind: AgreementKind;
  summary: string;
  dyad: string;
  date: IsoDate | null;
  datePrecision: DatePrecision | null;
  place?: SeedPlace;
  sectors: string[];
  parties: { name: string; kind: PartyKind; country?: string }[];
  signatories: { name: string; role: string; onBehalfOf?: string }[];
  statusHistory: { status: AgreementStatus; date: IsoDate | null; datePrecision: DatePrecision | null; note?: string }[];
  amounts: { amount: string; currency: string; label: string; approximate?: boolean }[];
  sources: SeedSource[];
}
