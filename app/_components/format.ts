// Display helpers shared by server and client components.
import { formatWithPrecision } from "@/server/relations/day";
import type { DatePrecision } from "@/server/relations/params";

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

/** A date as precise as its source: "24 Jun 2025", "Apr 2025", "summer 2024". */
export function formatDate(date: Date | null, precision: DatePrecision | null): string {
  if (!date) return "date not yet known";
  return formatWithPrecision(dateOnly(date), precision ?? "DAY");
}

/** Amounts as entered, in their own currency; "≈" marks a figure the source gives as approximate. */
export function formatMoney(amount: { toString(): string }, currency: string, approximate: boolean): string {
  const value = Number(amount.toString());
  const text = new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency,
    notation: value >= 1_000_000 ? "compact" : "standard",
    maximumFractionDigits: 1,
  }).format(value);
  return approximate ? `≈ ${text}` : text;
}

/** France first, then the other party: analysts read "France – Morocco", not "Morocco – France". */
export function dyadTitle({ a, b }: { a: { code: string; name: string }; b: { code: string; name: string } }): string {
  const [first, second] = b.code === "FRA" ? [b, a] : [a, b];
  return `${first.name} – ${second.name}`;
}

export { agreementKindLabel, humanize } from "@/server/agreements/labels";
