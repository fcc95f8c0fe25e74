// Display helpers shared by server and client components.
import { formatWithPrecision } from "@/server/method/day";
import type { DatePrecision } from "@/server/method/params";
import { isoDayOf } from "@/server/scope/day";


/** A date as precise as its source: "24 Jun 2025", "Apr 2025", "summer 2024". */
export function formatDate(date: Date | null, precision: DatePrecision | null): string {
  if (!date) return "date not yet known";
  return formatWithPrecision(isoDayOf(date), precision ?? "DAY");
}

/**
 * Amounts as entered, in their own currency: "EUR 300m", "≈ MAD 3bn". Written out by hand, not
 * with Intl's compact notation, whose output differs between Node's and the browser's ICU and
 * would make server and client renders disagree.
 */
export function formatMoney(amount: { toString(): string }, currency: string, approximate: boolean): string {
  const value = Number(amount.toString());
  const scaled = (n: number, unit: string) => `${Number.isInteger(n) ? n : n.toFixed(1)}${unit}`;
  const text =
    Math.abs(value) >= 1e9 ? scaled(value / 1e9, "bn") : Math.abs(value) >= 1e6 ? scaled(value / 1e6, "m") : value.toLocaleString("en-GB");
  return `${approximate ? "≈ " : ""}${currency} ${text}`;
}

export { dyadLabel as dyadTitle } from "@/server/method/dyad-label";

export { agreementKindLabel, humanize } from "@/server/agreements/labels";

/** A moment to the minute, in UTC: "2026-11-29 20:31 UTC"; "never" for none. */
export function formatMoment(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never";
}
