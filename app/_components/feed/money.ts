// Amounts as entered, in their own currency: "EUR 300m", "≈ MAD 3bn"; "300 M EUR" in French.
// Scaled by hand rather than with Intl's compact notation, whose output differs between Node's
// and the browser's ICU and would make server and client renders disagree; the number itself
// goes through the reader's formatter.
import type { Formatters } from "@/server/i18n/format";

type MoneyWords = (key: "money", values: { approximate: string; currency: string; value: string; unit: string }) => string;

export interface Money {
  amount: { toString(): string };
  currency: string;
  approximate: boolean;
}

export function moneyFormatter(t: MoneyWords, format: Formatters) {
  return (m: Money): string => {
    const value = Number(m.amount.toString());
    const [scaled, unit] = Math.abs(value) >= 1e9 ? [value / 1e9, "bn"] : Math.abs(value) >= 1e6 ? [value / 1e6, "m"] : [value, "none"];
    const digits = unit === "none" ? {} : { maximumFractionDigits: 1 };
    return t("money", { approximate: m.approximate ? "yes" : "no", currency: m.currency, value: format.number(scaled, digits), unit });
  };
}
