// Dates, numbers and moments in the reader's language, through Intl (pure: server and browser
// components format alike, in UTC, the zone the records' days are kept in). The words Intl has no
// pattern for (quarters, seasons, "not yet known") come from the messages, passed in.
import { dateOfDay, namedPeriod, type Season } from "../method/day";
import type { DatePrecision } from "../method/params";
import { INTL_LOCALE, type Locale } from "./locales";

/** The few words Intl does not know, from `common.dates` of the reader's messages. */
export type DateWords = {
  quarter: (values: { quarter: number; year: number }) => string;
  season: (values: { season: Season; year: string }) => string;
  unknown: () => string;
  never: () => string;
};

/** The words from a translator of `common.dates` (next-intl's `t`, server or client). */
export function dateWordsFrom(t: (key: "quarter" | "season" | "unknown" | "never", values?: Record<string, string | number>) => string): DateWords {
  return { quarter: (v) => t("quarter", v), season: (v) => t("season", v), unknown: () => t("unknown"), never: () => t("never") };
}

const SECOND = 1000;
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400 * SECOND],
  ["month", 30 * 86_400 * SECOND],
  ["week", 7 * 86_400 * SECOND],
  ["day", 86_400 * SECOND],
  ["hour", 3600 * SECOND],
  ["minute", 60 * SECOND],
];

/**
 * Intl's formatters for one language, made once per process: they are immutable, and making
 * them is the costly part (a page's client components each asked for their own set, which was
 * 5 % of the server's time rendering the dashboard).
 */
function intlFormatsOf(locale: Locale) {
  const intl = INTL_LOCALE[locale];
  const inUtc = { timeZone: "UTC" } as const;
  return {
    intl,
    day: new Intl.DateTimeFormat(intl, { ...inUtc, day: "numeric", month: "short", year: "numeric" }),
    month: new Intl.DateTimeFormat(intl, { ...inUtc, month: "short", year: "numeric" }),
    moment: new Intl.DateTimeFormat(intl, { ...inUtc, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }),
    relative: new Intl.RelativeTimeFormat(intl, { numeric: "auto" }),
    /** By their options, as JSON: the few the code uses. */
    numbers: new Map<string, Intl.NumberFormat>(),
  };
}

const intlFormats = new Map<Locale, ReturnType<typeof intlFormatsOf>>();

export function formattersFor(locale: Locale, words: DateWords) {
  let formats = intlFormats.get(locale);
  if (!formats) intlFormats.set(locale, (formats = intlFormatsOf(locale)));
  const { intl, day: dayFormat, month: monthFormat, moment: momentFormat, relative: relativeFormat, numbers: numberFormats } = formats;

  return {
    locale,
    /** A calendar day ("YYYY-MM-DD", a day number or its UTC midnight): 28 Feb 2026, 28 févr. 2026. */
    day: (day: Date | string | number) => dayFormat.format(typeof day === "object" ? day : dateOfDay(day)),
    /** A date as precise as its source: 24 Jun 2025, Apr 2025, Q2 2025, summer 2024, 2025. */
    period(date: Date | string | null, precision: DatePrecision | null): string {
      if (date === null) return words.unknown();
      const named = namedPeriod(typeof date === "string" ? date : date.toISOString().slice(0, 10), precision ?? "DAY");
      switch (named.precision) {
        case "DAY":
          return dayFormat.format(dateOfDay(named.day));
        case "MONTH":
          return monthFormat.format(dateOfDay(named.day));
        case "QUARTER":
          return words.quarter({ quarter: named.quarter, year: named.year });
        case "SEASON":
          // Winter spans two years: 2024/25.
          return words.season({ season: named.season, year: named.season === "winter" ? `${named.startYear}/${String((named.startYear + 1) % 100).padStart(2, "0")}` : String(named.startYear) });
        case "YEAR":
          return String(named.year);
      }
    },
    /** A moment to the minute, in UTC: 29 Nov 2026, 20:31 UTC. */
    moment: (date: Date | null) => (date ? momentFormat.format(date) : words.never()),
    /** How long ago (or until), in the largest whole unit: "3 days ago", "il y a 3 jours", "yesterday". */
    relative(date: Date, now: Date): string {
      const ms = date.getTime() - now.getTime();
      const [unit, size] = RELATIVE_STEPS.find(([, length]) => Math.abs(ms) >= length) ?? ["second", SECOND];
      return relativeFormat.format(Math.round(ms / size), unit);
    },
    /** 1,234.5 / 1 234,5; options as Intl's (fraction digits, sign display, percent…). */
    number(value: number, options: Intl.NumberFormatOptions = {}): string {
      const key = JSON.stringify(options);
      let format = numberFormats.get(key);
      if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intl, options)));
      return format.format(value);
    },
  };
}

export type Formatters = ReturnType<typeof formattersFor>;
