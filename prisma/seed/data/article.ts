// Records derived from the analysis article the product started from
// (../shared/seeds/ beside the repository). Facts only: every title
// and summary is our own wording. Dates keep the precision the article gives, nothing finer.
import { ALGIERS, RABAT } from "./places";
import type { SeedAgreement, SeedCondition, SeedEvent, SeedSource } from "./types";

/** The article itself; we do not have its own URL, so it points at the publisher's site. */
const ARTICLE_SOURCE: SeedSource = {
  publisher: "Morocco World News (via analysis article)",
  title: "Morocco & France sign joint security action plan",
  url: "https://www.moroccoworldnews.com/",
};

const MOROCCO_STATE = { name: "Kingdom of Morocco", kind: "STATE", country: "MAR" } as const;
const FRANCE_STATE = { name: "French Republic", kind: "STATE", country: "FRA" } as const;

const SIGNED_2024_10_28: SeedAgreement["statusHistory"] = [
  { status: "SIGNED", date: "2024-10-28", datePrecision: "DAY" },
];

// Agreement ids, referenced by the events below.
const ONCF_ALSTOM = "art-2024-10-28-oncf-alstom-high-speed-trains";
const INVESTMENT_ACCELERATOR = "art-2024-10-28-investment-accelerator";
const CIVIL_PROTECTION = "art-2024-10-28-civil-protection";
const WILDFIRES = "art-2024-10-28-wildfires-natural-areas";
const ANP_AFD = "art-2024-10-28-anp-afd-ports-programme";
const AGRICULTURE_FORESTRY = "art-2024-10-28-agriculture-forestry";
const JUSTICE_DECLARATION = "art-2025-03-terrorism-organised-crime-declaration";
const SECURITY_ACTION_PLAN = "art-2025-06-24-security-action-plan";
const ROYAL_VISIT = "art-anticipated-royal-state-visit-france";

export const articleAgreements: SeedAgreement[] = [
  {
    externalId: ONCF_ALSTOM,
    title: "ONCF–Alstom protocol on high-speed trainsets",
    kind: "PROTOCOL",
    summary:
      "Moroccan rail operator ONCF and French manufacturer Alstom agreed terms for delivering " +
      "high-speed trainsets: 12 on firm order plus 6 as options.",
    dyad: "FRA-MAR",
    date: "2024-10-28",
    datePrecision: "DAY",
    place: RABAT,
    sectors: ["transport", "rail", "industry"],
    parties: [
      { name: "ONCF (Office National des Chemins de Fer)", kind: "PUBLIC_BODY", country: "MAR" },
      { name: "Alstom", kind: "COMPANY", country: "FRA" },
    ],
    signatories: [],
    statusHistory: SIGNED_2024_10_28,
    amounts: [],
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: INVESTMENT_ACCELERATOR,
    title: "Protocol setting up the Morocco–France Investment Accelerator",
    kind: "PROTOCOL",
    summary:
      "Creates a joint vehicle, capitalised at close to MAD 3 billion, to spur investment " +
      "throughout Morocco, the southern provinces included. Its core is a joint venture owned " +
      "half by each side, devoted to sustainable infrastructure, starting with €300 million.",
    dyad: "FRA-MAR",
    date: "2024-10-28",
    datePrecision: "DAY",
    place: RABAT,
    sectors: ["investment", "infrastructure"],
    // The article names no signing bodies; recorded as a government-level protocol.
    parties: [MOROCCO_STATE, FRANCE_STATE],
    signatories: [],
    statusHistory: SIGNED_2024_10_28,
    amounts: [
      { amount: "3000000000", currency: "MAD", label: "capitalisation", approximate: true },
      {
        amount: "300000000",
        currency: "EUR",
        label: "initial capital of the 50/50 sustainable-infrastructure joint venture",
      },
    ],
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: CIVIL_PROTECTION,
    title: "Declaration of intent on civil protection",
    kind: "DECLARATION_OF_INTENT",
    summary: "The two governments state their aim to work more closely on civil protection.",
    dyad: "FRA-MAR",
    date: "2024-10-28",
    datePrecision: "DAY",
    place: RABAT,
    sectors: ["civil protection"],
    parties: [MOROCCO_STATE, FRANCE_STATE],
    signatories: [],
    statusHistory: SIGNED_2024_10_28,
    amounts: [],
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: WILDFIRES,
    title: "Declaration of intent on wildfires in natural areas",
    kind: "DECLARATION_OF_INTENT",
    summary:
      "The two governments commit in principle to cooperate against forest and other " +
      "wildland fires, a risk heightened by climate change.",
    dyad: "FRA-MAR",
    date: "2024-10-28",
    datePrecision: "DAY",
    place: RABAT,
    sectors: ["civil protection", "climate resilience"],
    parties: [MOROCCO_STATE, FRANCE_STATE],
    signatories: [],
    statusHistory: SIGNED_2024_10_28,
    amounts: [],
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: ANP_AFD,
    title: "ANP–AFD ports support programme with a €100 million loan",
    kind: "LOAN",
    summary:
      "Morocco's ports agency (ANP) and France's development agency (AFD) set out a new " +
      "programme, financed in part by a €100 million loan, for green transition, climate " +
      "resilience, innovation and the blue economy, with Dakhla and Laayoune among the sites named.",
    dyad: "FRA-MAR",
    date: "2024-10-28",
    datePrecision: "DAY",
    place: RABAT,
    sectors: ["ports", "green transition", "blue economy", "climate resilience", "innovation"],
    parties: [
      { name: "National Ports Agency (ANP)", kind: "PUBLIC_BODY", country: "MAR" },
      { name: "Agence Française de Développement (AFD)", kind: "PUBLIC_BODY", country: "FRA" },
    ],
    signatories: [],
    statusHistory: SIGNED_2024_10_28,
    amounts: [{ amount: "100000000", currency: "EUR", label: "loan" }],
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: AGRICULTURE_FORESTRY,
    title: "Framework agreement on agriculture and forestry",
    kind: "FRAMEWORK_AGREEMENT",
    summary:
      "Sets priority fields of cooperation in farming and forestry, aiming at sustainability " +
      "and climate resilience; joint projects could later extend to other African countries.",
    dyad: "FRA-MAR",
    date: "2024-10-28",
    datePrecision: "DAY",
    place: RABAT,
    sectors: ["agriculture", "forestry", "climate resilience"],
    parties: [MOROCCO_STATE, FRANCE_STATE],
    signatories: [],
    statusHistory: SIGNED_2024_10_28,
    amounts: [],
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: JUSTICE_DECLARATION,
    title: "Joint declaration on counter-terrorism and organised crime",
    kind: "JOINT_DECLARATION",
    summary:
      "The two justice ministers signed a declaration strengthening the legal basis of " +
      "judicial cooperation against terrorism and organised crime.",
    dyad: "FRA-MAR",
    date: "2025-03-01",
    datePrecision: "MONTH",
    place: RABAT,
    sectors: ["justice", "counter-terrorism", "organised crime"],
    parties: [MOROCCO_STATE, FRANCE_STATE],
    signatories: [
      { name: "Abdellatif Ouahbi", role: "Minister of Justice", onBehalfOf: "Kingdom of Morocco" },
      { name: "Gérald Darmanin", role: "Minister of Justice", onBehalfOf: "French Republic" },
    ],
    statusHistory: [{ status: "SIGNED", date: "2025-03-01", datePrecision: "MONTH" }],
    amounts: [],
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: SECURITY_ACTION_PLAN,
    title: "Morocco–France police and security action plan",
    kind: "ACTION_PLAN",
    summary:
      "A roadmap between the two national police services: joint task forces and mutual " +
      "assistance against cross-border organised crime and terrorism, tracing and arresting " +
      "fugitives sought internationally or by French courts, plus training, intelligence " +
      "exchange, technical support and security for major international events.",
    dyad: "FRA-MAR",
    date: "2025-06-24",
    datePrecision: "DAY",
    place: RABAT,
    sectors: ["security", "counter-terrorism", "organised crime", "police training", "intelligence"],
    parties: [
      {
        name: "DGSN–DGST (General Directorates of National Security and of Territorial Surveillance)",
        kind: "PUBLIC_BODY",
        country: "MAR",
      },
      { name: "Direction générale de la Police nationale (DGPN)", kind: "PUBLIC_BODY", country: "FRA" },
    ],
    signatories: [
      {
        name: "Abdellatif Hammouchi",
        role: "Director General of the DGSN (national security) and of the DGST (territorial surveillance)",
        onBehalfOf: "DGSN–DGST",
      },
      {
        name: "Louis Lejay",
        role: "Director General of the National Police (France)",
        onBehalfOf: "Direction générale de la Police nationale",
      },
    ],
    statusHistory: [{ status: "SIGNED", date: "2025-06-24", datePrecision: "DAY" }],
    amounts: [],
    sources: [ARTICLE_SOURCE],
  },
  {
    // Not an agreement yet: an expected visit, kept here because Event has no "anticipated"
    // state and events record only what happened.
    externalId: ROYAL_VISIT,
    title: "Expected state visit to France by King Mohammed VI",
    kind: "JOINT_DECLARATION",
    summary:
      "A state visit by the Moroccan king to France is expected late in 2025 or early in 2026; " +
      "new agreements are expected to seal the renewed partnership on that occasion. No date set.",
    dyad: "FRA-MAR",
    date: null,
    datePrecision: null,
    sectors: ["diplomacy"],
    parties: [MOROCCO_STATE, FRANCE_STATE],
    signatories: [],
    statusHistory: [
      { status: "ANTICIPATED", date: null, datePrecision: null, note: "expected late in 2025 or early in 2026" },
    ],
    amounts: [],
    sources: [ARTICLE_SOURCE],
  },
];

export const articleEvents: SeedEvent[] = [
  {
    externalId: "art-2024-06-fra-mar-054-western-sahara-recognition",
    title: "France recognises Morocco's sovereignty over Western Sahara",
    summary:
      "France's shift on Western Sahara ended years of strained ties with Rabat, aligning Paris " +
      "with Spain, Germany and Washington in backing Morocco's autonomy plan.",
    date: "2024-06-01",
    datePrecision: "SEASON", // the article says only "summer 2024"
    actor: "FRA",
    target: "MAR",
    cameoCode: "054",
    overrideKey: "TERRITORIAL_RECOGNITION",
    level: "HEAD_OF_STATE",
    verification: "CONFIRMED",
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: "art-2024-10-fra-mar-042-macron-state-visit",
    title: "President Macron pays a state visit to Morocco",
    summary: "The visit opened a run of high-level exchanges and agreements in many sectors.",
    date: "2024-10-01",
    datePrecision: "MONTH", // the article gives only the month of the visit
    actor: "FRA",
    target: "MAR",
    cameoCode: "042",
    level: "HEAD_OF_STATE",
    verification: "CONFIRMED",
    place: RABAT,
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: "art-2024-10-28-mar-fra-057-signing-ceremony",
    title: "Mohammed VI and Macron preside over signing of economic and cooperation agreements",
    summary:
      "Agreements signed at the ceremony cover high-speed rail, an investment accelerator, civil " +
      "protection, wildfires, ports financing, and agriculture and forestry.",
    date: "2024-10-28",
    datePrecision: "DAY",
    // One event for the joint ceremony (not one per direction, which would count it twice).
    actor: "MAR",
    target: "FRA",
    cameoCode: "057",
    level: "HEAD_OF_STATE",
    verification: "CONFIRMED",
    place: RABAT,
    sources: [ARTICLE_SOURCE],
    agreements: [ONCF_ALSTOM, INVESTMENT_ACCELERATOR, CIVIL_PROTECTION, WILDFIRES, ANP_AFD, AGRICULTURE_FORESTRY],
  },
  {
    externalId: "art-2025-03-fra-mar-057-justice-declaration",
    title: "Justice ministers Ouahbi and Darmanin sign counter-terrorism declaration",
    date: "2025-03-01",
    datePrecision: "MONTH",
    actor: "FRA", // the French minister signed on a visit to Rabat
    target: "MAR",
    cameoCode: "057",
    level: "MINISTER",
    verification: "CONFIRMED",
    place: RABAT,
    sources: [ARTICLE_SOURCE],
    agreements: [JUSTICE_DECLARATION],
  },
  {
    externalId: "art-2025-04-fra-mar-046-interior-ministers-talks",
    title: "Interior ministers Laftit and Retailleau hold talks in Rabat",
    summary:
      "Talks covered security, migration, civil protection and major-incident response; both " +
      "ministers praised their close coordination and information sharing against terrorist " +
      "and criminal networks.",
    date: "2025-04-01",
    datePrecision: "MONTH",
    actor: "FRA",
    target: "MAR",
    cameoCode: "046",
    level: "MINISTER",
    verification: "CONFIRMED",
    place: RABAT,
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: "art-2025-04-fra-mar-031-migration-working-group",
    title: "Retailleau announces joint working group on returns of irregular migrants",
    summary:
      "A Franco-Moroccan group is to identify some Moroccan nationals staying irregularly in " +
      "France and ease their return to Morocco. Announced, not signed.",
    date: "2025-04-01",
    datePrecision: "MONTH",
    actor: "FRA",
    target: "MAR",
    cameoCode: "031", // announced intent to cooperate operationally, not a signed agreement
    level: "MINISTER",
    verification: "CONFIRMED",
    place: RABAT,
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: "art-2025-04-fra-mar-046-foreign-ministers-talks",
    title: "Foreign ministers Barrot and Bourita meet",
    summary:
      "Talks on the momentum of bilateral ties, French backing for the Moroccan autonomy proposal " +
      "on Western Sahara, and working together on crises elsewhere in Africa.",
    date: "2025-04-01",
    datePrecision: "MONTH",
    actor: "FRA",
    target: "MAR",
    // Talks take 046. The stated support for the autonomy plan restates the 2024 recognition
    // (already scored), so it is not coded as a separate 051.
    cameoCode: "046",
    level: "HEAD_OF_GOVERNMENT",
    verification: "CONFIRMED",
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: "art-2025-04-15-dza-fra-161-expels-12-officials",
    title: "Algeria orders 12 French officials to leave within 48 hours",
    summary:
      "The expulsion order was tied to the arrest in France of three Algerian nationals, amid " +
      "ties that had worsened since France's 2024 shift on Western Sahara.",
    date: "2025-04-15",
    datePrecision: "DAY",
    actor: "DZA",
    target: "FRA",
    cameoCode: "161", // expelling diplomats is 161, not 174
    overrideKey: "AMBASSADOR_RECALLED",
    level: "HEAD_OF_GOVERNMENT", // a government decision
    verification: "CONFIRMED",
    place: ALGIERS,
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: "art-2025-04-fra-dza-130-barrot-warns-retaliation",
    title: "Barrot calls on Algeria to withdraw expulsions, warns of swift response",
    summary: "France's foreign minister said France would retaliate at once if the order were upheld.",
    date: "2025-04-01",
    datePrecision: "MONTH", // the article does not give the day of the warning
    actor: "FRA",
    target: "DZA",
    // 130 rather than 10: the demand is conditioned on a sanction ("reverse it or we
    // retaliate"), which CAMEO codes as a threat; no specific retaliation was named.
    cameoCode: "130",
    level: "HEAD_OF_GOVERNMENT",
    verification: "CONFIRMED",
    sources: [ARTICLE_SOURCE],
  },
  {
    externalId: "art-2025-06-24-fra-mar-057-security-action-plan",
    title: "Hammouchi and Lejay sign police security action plan in Rabat",
    summary: "France's police chief thanked Morocco for its help on counter-terrorism and on arresting wanted people.",
    date: "2025-06-24",
    datePrecision: "DAY",
    actor: "FRA", // the French police chief signed on a visit to Rabat
    target: "MAR",
    cameoCode: "057",
    level: "MINISTER", // security services (L 0.6)
    verification: "CONFIRMED",
    place: RABAT,
    sources: [ARTICLE_SOURCE],
    agreements: [SECURITY_ACTION_PLAN],
  },
];

export const articleConditions: SeedCondition[] = [
  {
    externalId: "art-cond-2024-10-28-fra-mar-partnership-declaration",
    dyad: "FRA-MAR",
    kind: "PARTNERSHIP_DECLARATION",
    points: 10,
    title: "Enhanced exceptional partnership declared",
    summary:
      "Since Macron's October 2024 state visit both countries describe their ties as an " +
      "\"enhanced exceptional partnership\" and a \"new book\" for their relations.",
    startDate: "2024-10-28",
    startPrecision: "DAY",
    verification: "CONFIRMED",
    sources: [ARTICLE_SOURCE],
  },
];
