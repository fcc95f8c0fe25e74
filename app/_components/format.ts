// Display helpers shared by server and client components.
import { formatWithPrecision } from "@/server/method/day";
import type { DatePrecision } from "@/server/method/params";
import { isoDayOf } from "@/server/scope/day";


/** A date as precise as its source: "24 Jun 2025", "Apr 2025", "summer 2024". */
export function formatDate(date: Date | null, precision: DatePrecision | null): string {
  if (!date) return "date not yet known";
  return formatWithPrecision(isoDayOf(date), precision ?? "DAY");
}

export { dyadLabel as dyadTitle } from "@/server/method/dyad-label";

export { agreementKindLabel, humanize } from "@/server/agreements/labels";
