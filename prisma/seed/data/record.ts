// The 2024–2026 record: events of ../shared/data/events-2024h2-2026.csv (a copy beside this
// file, kept equal to the shared one by record.test.ts) and the period's standing conditions
// (conditions-2024h2-2026.csv, derived by the team from that file's rows). Titles are the
// file's, already our own words. Levels are judged per row (methodology §1, L).
import { ALGIERS, PARIS, RABAT } from "./places";
import { readRows, sharedConditions, sharedEvents, type EventJudgement } from "./shared-format";

export const RECORD_EVENTS_FILE = "events-2024h2-2026.csv";
const RECORD_CONDITIONS_FILE = "conditions-2024h2-2026.csv";

const judgements = new Map<string, EventJudgement>([
  ["rec-2024-07-30-dza-fra-161", { level: "HEAD_OF_GOVERNMENT", overrideKey: "AMBASSADOR_RECALLED", place: ALGIERS }], // foreign ministry statement
  // Macron's letter is the recognition the article's record already holds ("summer 2024").
  ["rec-2024-07-30-fra-mar-054", { heldBy: "art-2024-06-fra-mar-054-western-sahara-recognition" }],
  ["rec-2024-07-31-mar-fra-051", { level: "HEAD_OF_STATE", place: RABAT }],
  ["rec-2024-09-26-dza-mar-172", { level: "HEAD_OF_GOVERNMENT", place: ALGIERS }], // a government decision
  // The state visit's declaration and agreements: the article's signing ceremony, one event for both sides.
  ["rec-2024-10-28-fra-mar-057", { heldBy: "art-2024-10-28-mar-fra-057-signing-ceremony" }],
  ["rec-2024-11-01-fra-dza-015", { level: "HEAD_OF_STATE" }],
  ["rec-2024-11-16-dza-fra-173", { level: "MINISTER", place: ALGIERS }], // security services
  ["rec-2025-01-09-dza-fra-120", { level: "MINISTER", place: ALGIERS }], // border authorities
  ["rec-2025-02-17-fra-mar-042", { level: "MINISTER" }], // no place: Laayoune is in the disputed territory
  ["rec-2025-02-18-dza-fra-111", { level: "HEAD_OF_GOVERNMENT", place: ALGIERS }], // foreign ministry statement
  ["rec-2025-02-25-fra-dza-172", { level: "HEAD_OF_GOVERNMENT", place: PARIS }], // announced by the foreign minister
  ["rec-2025-02-25-fra-mar-042", { level: "LEGISLATURE" }],
  // Not an ambassador recall: the upper chamber suspends its own ties, so no override.
  ["rec-2025-02-26-dza-fra-161", { level: "LEGISLATURE", place: ALGIERS }],
  ["rec-2025-02-26-fra-dza-139", { level: "HEAD_OF_GOVERNMENT", place: PARIS }],
  ["rec-2025-03-17-dza-fra-120", { level: "HEAD_OF_GOVERNMENT", place: ALGIERS }], // foreign ministry
  ["rec-2025-03-27-dza-fra-116", { level: "MINISTER", place: ALGIERS }], // a court
  ["rec-2025-03-31-fra-dza-036", { level: "HEAD_OF_STATE" }],
  ["rec-2025-04-06-fra-dza-046", { level: "HEAD_OF_GOVERNMENT", place: ALGIERS }],
  // Algeria's expulsion of the 12 and Retailleau's Rabat working group: the article's records.
  ["rec-2025-04-14-dza-fra-161", { heldBy: "art-2025-04-15-dza-fra-161-expels-12-officials" }],
  ["rec-2025-04-14-fra-mar-031", { heldBy: "art-2025-04-fra-mar-031-migration-working-group" }],
  ["rec-2025-04-15-fra-dza-161", { level: "HEAD_OF_STATE", overrideKey: "AMBASSADOR_RECALLED", place: PARIS }], // decided by the presidency
  ["rec-2025-05-11-dza-fra-161", { level: "HEAD_OF_GOVERNMENT", overrideKey: "AMBASSADOR_RECALLED", place: ALGIERS }],
  ["rec-2025-05-14-fra-dza-161", { level: "HEAD_OF_GOVERNMENT", overrideKey: "AMBASSADOR_RECALLED", place: PARIS }],
  ["rec-2025-07-01-dza-fra-116", { level: "MINISTER", place: ALGIERS }], // a court
  ["rec-2025-08-06-fra-dza-172", { level: "HEAD_OF_STATE", place: PARIS }],
  ["rec-2025-08-07-dza-fra-172", { level: "HEAD_OF_GOVERNMENT", place: ALGIERS }], // foreign ministry statement
  ["rec-2025-10-30-fra-dza-1313", { level: "LEGISLATURE", place: PARIS }],
  ["rec-2025-10-31-dza-mar-127", { level: "AMBASSADOR" }], // at a multilateral vote
  ["rec-2025-10-31-fra-mar-051", { level: "AMBASSADOR" }], // a multilateral vote
  ["rec-2025-10-31-mar-dza-026", { level: "HEAD_OF_STATE" }],
  ["rec-2025-11-12-dza-fra-0841", { level: "HEAD_OF_STATE" }],
  ["rec-2025-12-03-dza-fra-116", { level: "MINISTER", place: ALGIERS }], // a court
  // The president receives a private association's head: weighed as a non-state contact.
  ["rec-2026-01-27-dza-fra-043", { level: "NON_STATE", place: ALGIERS }],
  ["rec-2026-02-08-mar-dza-046", { level: "AMBASSADOR" }], // multilateral talks under UN auspices
  ["rec-2026-02-17-fra-dza-0314", { level: "MINISTER", place: ALGIERS }],
]);

export const recordEvents = sharedEvents(readRows(RECORD_EVENTS_FILE), "rec", judgements);
export const recordConditions = sharedConditions(readRows(RECORD_CONDITIONS_FILE), "rec-cond");
