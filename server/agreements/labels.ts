// How agreement vocabulary reads. The exports keep the machine codes (SIGNED, MOU) in their
// values; people read the words of their language, from the `agreements` messages.
import type { Messages } from "@/i18n/messages";
import type { AgreementKind, AgreementStatus, PartyKind, Provenance } from "../generated/prisma/enums";

/** "FRAMEWORK_AGREEMENT" → "Framework agreement" (the admin forms' English labels). */
export function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const AGREEMENT_KIND_LABELS: Record<string, string> = {
  ACTION_PLAN: "Action plan",
  PROTOCOL: "Protocol",
  FRAMEWORK_AGREEMENT: "Framework agreement",
  DECLARATION_OF_INTENT: "Declaration of intent",
  JOINT_DECLARATION: "Joint declaration",
  LOAN: "Loan",
  TREATY: "Treaty",
  MOU: "Memorandum of understanding",
};

export function agreementKindLabel(kind: string): string {
  return AGREEMENT_KIND_LABELS[kind] ?? humanize(kind);
}

type SectorKey = keyof Messages["agreements"]["sectors"];

/**
 * Sectors are free text an admin types; the common ones read in the reader's language, any
 * other as it was entered. Keyed by the stored (English) word, lower-cased.
 */
const SECTOR_KEYS = new Map<string, SectorKey>([
  ["agriculture", "agriculture"],
  ["blue economy", "blueEconomy"],
  ["civil protection", "civilProtection"],
  ["climate resilience", "climateResilience"],
  ["counter-terrorism", "counterTerrorism"],
  ["culture", "culture"],
  ["defence", "defence"],
  ["diplomacy", "diplomacy"],
  ["education", "education"],
  ["energy", "energy"],
  ["forestry", "forestry"],
  ["green transition", "greenTransition"],
  ["health", "health"],
  ["industry", "industry"],
  ["infrastructure", "infrastructure"],
  ["innovation", "innovation"],
  ["intelligence", "intelligence"],
  ["investment", "investment"],
  ["justice", "justice"],
  ["migration", "migration"],
  ["organised crime", "organisedCrime"],
  ["police training", "policeTraining"],
  ["ports", "ports"],
  ["rail", "rail"],
  ["security", "security"],
  ["trade", "trade"],
  ["transport", "transport"],
  ["water", "water"],
]);

type AgreementWordKey =
  | `statuses.${AgreementStatus}`
  | `kinds.${AgreementKind}`
  | `partyKinds.${PartyKind}`
  | `provenance.${Provenance}`
  | `sectors.${SectorKey}`;

/** The labels from a translator of the "agreements" messages (next-intl's `t`, server or client). */
export function agreementLabelsFrom(t: (key: AgreementWordKey) => string) {
  return {
    status: (status: AgreementStatus) => t(`statuses.${status}`),
    kind: (kind: AgreementKind) => t(`kinds.${kind}`),
    partyKind: (kind: PartyKind) => t(`partyKinds.${kind}`),
    provenance: (provenance: Provenance) => t(`provenance.${provenance}`),
    sector(sector: string): string {
      const key = SECTOR_KEYS.get(sector.toLowerCase());
      return key ? t(`sectors.${key}`) : sector;
    },
  };
}

export type AgreementLabels = ReturnType<typeof agreementLabelsFrom>;
