// Synthetic agreements for benchmarks: plausible titles, parties, signatories, sectors, money
// and summaries, drawn from a seeded generator so that every run builds the same data.
import type { Db } from "../server/db-client";
import type { Prisma } from "../server/generated/prisma/client";
import type { AgreementKind, AgreementStatus, DatePrecision, PartyKind } from "../server/generated/prisma/enums";

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: [AgreementKind, string][] = [
  ["ACTION_PLAN", "Action plan"],
  ["PROTOCOL", "Protocol"],
  ["FRAMEWORK_AGREEMENT", "Framework agreement"],
  ["DECLARATION_OF_INTENT", "Declaration of intent"],
  ["JOINT_DECLARATION", "Joint declaration"],
  ["LOAN", "Loan agreement"],
  ["TREATY", "Treaty"],
  ["MOU", "Memorandum of understanding"],
];

/** A topic: how a title names it, and the sectors it files under. */
const TOPICS: [string, string[]][] = [
  ["police and security cooperation", ["security", "police training"]],
  ["counter-terrorism and organised crime", ["counter-terrorism", "justice"]],
  ["high-speed rail", ["rail", "transport", "industry"]],
  ["port modernisation", ["ports", "blue economy"]],
  ["renewable energy", ["energy", "renewables", "climate resilience"]],
  ["gas supply", ["energy", "gas"]],
  ["water management", ["water", "climate resilience"]],
  ["agriculture and forestry", ["agriculture", "forestry"]],
  ["higher education", ["education", "research"]],
  ["public health", ["health"]],
  ["cultural heritage", ["culture", "tourism"]],
  ["defence procurement", ["defence", "industry"]],
  ["migration and returns", ["migration", "justice"]],
  ["investment support", ["investment", "finance"]],
  ["digital infrastructure", ["digital", "infrastructure"]],
  ["fisheries", ["fisheries", "blue economy"]],
  ["phosphate mining", ["mining", "industry"]],
  ["urban housing", ["housing", "infrastructure"]],
  ["civil protection", ["civil protection"]],
  ["judicial cooperation", ["justice"]],
];

const STATES: Record<string, string> = {
  FRA: "French Republic",
  MAR: "Kingdom of Morocco",
  DZA: "People's Democratic Republic of Algeria",
};
const BODIES: [string, PartyKind, string][] = [
  ["Agence Française de Développement", "PUBLIC_BODY", "FRA"],
  ["Alstom", "COMPANY", "FRA"],
  ["Engie", "COMPANY", "FRA"],
  ["TotalEnergies", "COMPANY", "FRA"],
  ["Bpifrance", "PUBLIC_BODY", "FRA"],
  ["Direction générale de la Police nationale", "PUBLIC_BODY", "FRA"],
  ["ONCF", "PUBLIC_BODY", "MAR"],
  ["OCP Group", "COMPANY", "MAR"],
  ["National Ports Agency", "PUBLIC_BODY", "MAR"],
  ["DGSN", "PUBLIC_BODY", "MAR"],
  ["Sonatrach", "COMPANY", "DZA"],
  ["Sonelgaz", "COMPANY", "DZA"],
];
const FIRST_NAMES = ["Nadia", "Karim", "Claire", "Youssef", "Hélène", "Omar", "Sophie", "Rachid", "Julien", "Leïla", "Mehdi", "Anne"];
const LAST_NAMES = ["Benali", "Durand", "El Idrissi", "Martin", "Bouzid", "Lefèvre", "Tazi", "Moreau", "Haddad", "Girard", "Amrani", "Roux"];
const ROLES = ["Minister of Foreign Affairs", "Minister of the Interior", "Director General", "Ambassador", "Minister of Economy", "Chief Executive"];
const VERBS = ["sets out", "commits the parties to", "provides for", "establishes", "extends", "renews"];
const OBJECTS = ["joint working groups", "a shared training programme", "technical assistance", "an exchange of experts", "co-financing of pilot projects", "a steering committee meeting twice a year"];
const CLOSERS = [
  "Progress is reviewed each year by both sides.",
  "The text builds on earlier cooperation between the two administrations.",
  "Implementation depends on budget votes in both parliaments.",
  "Civil society groups asked to be consulted on the follow-up.",
];
const DYADS = ["FRA-MAR", "FRA-MAR", "FRA-MAR", "FRA-MAR", "FRA-MAR", "DZA-FRA", "DZA-FRA", "DZA-FRA", "DZA-MAR", "DZA-MAR"];
const STATUSES: AgreementStatus[] = ["SIGNED", "SIGNED", "SIGNED", "SIGNED", "SIGNED", "SIGNED", "IN_FORCE", "IN_FORCE", "RATIFIED", "SUSPENDED", "EXPIRED", "TERMINATED"];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;

export interface GeneratedCounts {
  agreements: number;
  parties: number;
  signatories: number;
}

/**
 * Inserts `count` agreements (with parties, signatories, status history, amounts and one
 * source each) in chunks, so memory stays flat. Dyads must exist (run the seed first).
 */
export async function generateAgreements({ db, count, seed = 42, chunk = 5_000 }: { db: Db; count: number; seed?: number; chunk?: number }): Promise<GeneratedCounts> {
  const random = prng(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const dyadIds = new Map((await db.dyad.findMany({ select: { id: true, key: true } })).map((d) => [d.key, d.id]));
  const totals: GeneratedCounts = { agreements: 0, parties: 0, signatories: 0 };

  for (let start = 0; start < count; start += chunk) {
    const agreements: Prisma.AgreementCreateManyInput[] = [];
    const parties: Prisma.AgreementPartyCreateManyInput[] = [];
    const signatories: Prisma.SignatoryCreateManyInput[] = [];
    const history: Prisma.AgreementStatusChangeCreateManyInput[] = [];
    const amounts: Prisma.AgreementAmountCreateManyInput[] = [];
    const sources: Prisma.SourceCreateManyInput[] = [];
    for (let n = start; n < Math.min(count, start + chunk); n++) {
      const id = `bench${n.toString(36).padStart(8, "0")}${Math.floor(random() * 36 ** 6).toString(36)}`;
      const [kind, kindLabel] = pick(KINDS);
      const [topic, topicSectors] = pick(TOPICS);
      const dyad = pick(DYADS);
      const [codeA, codeB] = dyad.split("-") as [string, string];
      const undated = random() < 0.02;
      const day = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY));
      const date = undated ? null : new Date(day * DAY_MS);
      const roll = random();
      const datePrecision: DatePrecision | null = undated ? null : roll < 0.8 ? "DAY" : roll < 0.95 ? "MONTH" : "YEAR";
      const status: AgreementStatus = undated ? "ANTICIPATED" : pick(STATUSES);
      const extraSector = random() < 0.5 ? [pick(TOPICS)[1][0] ?? "diplomacy"] : [];
      agreements.push({
        id,
        title: `${kindLabel} on ${topic}${random() < 0.3 ? ` — phase ${1 + Math.floor(random() * 4)}` : ""}`,
        kind,
        status,
        date,
        datePrecision,
        summary: `The agreement ${pick(VERBS)} ${pick(OBJECTS)} in ${topic}, and ${pick(VERBS)} ${pick(OBJECTS)}. ${pick(CLOSERS)}`,
        dyadId: dyadIds.get(dyad) ?? null,
        sectors: [...new Set([...topicSectors, ...extraSector])],
        provenance: "IMPORTED",
      });
      const named = [codeA, codeB].map((code) => {
        const body = BODIES.filter((b) => b[2] === code);
        return random() < 0.5 && body.length > 0 ? pick(body) : ([STATES[code] ?? code, "STATE", code] as const);
      });
      named.forEach(([name, partyKind, countryCode], position) => parties.push({ agreementId: id, name, kind: partyKind, countryCode, position }));
      const signers = Math.floor(random() * 3);
      for (let position = 0; position < signers; position++) {
        signatories.push({ agreementId: id, name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, role: pick(ROLES), position });
      }
      history.push({ agreementId: id, status, date, datePrecision });
      if (random() < 0.3) {
        amounts.push({ agreementId: id, amount: String(1 + Math.floor(random() * 900)) + "000000", currency: random() < 0.5 ? "EUR" : "MAD", label: "financing" });
      }
      sources.push({ agreementId: id, publisher: "Synthetic Gazette", title: `Report ${n}`, url: `https://example.org/reports/${n}` });
    }
    // Parent rows first; the statement triggers then fold parties and signatories into the
    // search vector once per chunk.
    await db.agreement.createMany({ data: agreements });
    await db.agreementParty.createMany({ data: parties });
    await db.signatory.createMany({ data: signatories });
    await db.agreementStatusChange.createMany({ data: history });
    await db.agreementAmount.createMany({ data: amounts });
    await db.source.createMany({ data: sources });
    totals.agreements += agreements.length;
    totals.parties += parties.length;
    totals.signatories += signatories.length;
  }
  return totals;
}
