// Calendar days as integers (UTC days since 1970-01-01): the index works day by day, and
// integer days make "d − 30" and Map keys exact, with no time-zone or DST surprises.
import type { DatePrecision } from "./params";

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const SEASONS = ["winter", "spring", "summer", "autumn"] as const;
export type Season = (typeof SEASONS)[number];

/** A Date (its UTC calendar day, as Prisma returns @db.Date), a "YYYY-MM-DD" string, or a day number. */
export type DayInput = Date | string | number;

function utcDay(year: number, monthIndex: number, day: number): number {
  return Date.UTC(year, monthIndex, day) / MS_PER_DAY;
}

export function toDay(date: DayInput): number {
  if (typeof date === "number") {
    if (!Number.isInteger(date)) throw new RangeError(`day ${date} is not an integer`);
    return date;
  }
  if (date instanceof Date) {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new RangeError("invalid Date");
    return Math.floor(ms / MS_PER_DAY);
  }
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = utcDay(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over to March; reject instead of silently moving the event.
  if (fromDay(n) !== date) throw new RangeError(`"${date}" is not a calendar date`);
  return n;
}

/** Day numbers of 0000-01-01 and 9999-12-31: the years an ISO day writes in four digits. */
const FOUR_DIGIT_YEARS = { first: -719_528, last: 2_932_896 } as const;

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * The "YYYY-MM-DD" of a day number, by arithmetic (Howard Hinnant's `civil_from_days`) rather than
 * a Date: series and the map write one per point, and on the server Next.js replaces `Date` with
 * a wrapper that makes each `new Date` costly. Anything else (not a whole day, or a year past
 * four digits) goes through Date as before.
 */
export function fromDay(n: number): string {
  if (!Number.isInteger(n) || n < FOUR_DIGIT_YEARS.first || n > FOUR_DIGIT_YEARS.last) return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  const z = n + 719_468; // days since 0000-03-01, the start of a 400-year era's first year
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** The Date a `@db.Date` column stores for a calendar day (a day number or "YYYY-MM-DD"): its UTC midnight. */
export function dateOfDay(day: number | string): Date {
  return new Date(toDay(day) * MS_PER_DAY);
}

/** A `@db.Date` column's value as the "YYYY-MM-DD" day it stands for. */
export function isoDayOf(date: Date): string {
  return fromDay(toDay(date));
}

interface Parts {
  year: number;
  /** 0–11 */
  month: number;
  day: number;
}

function parts(date: DayInput): Parts {
  const d = new Date(toDay(date) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/** Meteorological season: winter = Dec–Feb, labelled by the year its December falls in. */
function seasonOf({ year, month }: Parts): { name: Season; startYear: number; startMonth: number } {
  const index = Math.floor(((month + 1) % 12) / 3); // Dec,Jan,Feb → 0; Mar–May → 1; …
  const startYear = month < 2 ? year - 1 : year; // Jan/Feb belong to the winter that began in December
  return { name: SEASONS[index] ?? "winter", startYear, startMonth: index === 0 ? 11 : index * 3 - 1 };
}

/** First and last day (inclusive) of the interval a stored date stands for. */
export function precisionInterval(date: DayInput, precision: DatePrecision): { first: number; last: number } {
  const p = parts(date);
  const span = (year: number, month: number, months: number) => ({
    first: utcDay(year, month, 1),
    last: utcDay(year, month + months, 1) - 1, // Date.UTC carries month overflow into the year
  });
  switch (precision) {
    case "DAY": {
      const d = toDay(date);
      return { first: d, last: d };
    }
    case "MONTH":
      return span(p.year, p.month, 1);
    case "QUARTER":
      return span(p.year, p.month - (p.month % 3), 3);
    case "SEASON": {
      const s = seasonOf(p);
      return span(s.startYear, s.startMonth, 3);
    }
    case "YEAR":
      return span(p.year, 0, 12);
  }
}

/**
 * The day the index places an imprecise event on: the middle of its interval,
 * first + floor((length − 1) / 2) — 15 April for April, 16 July for June–August.
 */
export function placementDay(date: DayInput, precision: DatePrecision): number {
  const { first, last } = precisionInterval(date, precision);
  return first + Math.floor((last - first) / 2);
}

const monthName = (month: number): string => MONTHS[month] ?? "";

/** What a date as precise as its source names, for writing it in any language. */
export type NamedPeriod =
  | { precision: "DAY" | "MONTH"; day: number }
  | { precision: "QUARTER"; quarter: number; year: number }
  | { precision: "SEASON"; season: Season; startYear: number }
  | { precision: "YEAR"; year: number };

export function namedPeriod(date: DayInput, precision: DatePrecision): NamedPeriod {
  const p = parts(date);
  switch (precision) {
    case "DAY":
    case "MONTH":
      return { precision, day: toDay(date) };
    case "QUARTER":
      return { precision, quarter: Math.floor(p.month / 3) + 1, year: p.year };
    case "SEASON": {
      const s = seasonOf(p);
      return { precision, season: s.name, startYear: s.startYear };
    }
    case "YEAR":
      return { precision, year: p.year };
  }
}

/** "24 Jun 2025", "Apr 2025", "Q2 2025", "summer 2024", "winter 2024/25", "2025". */
export function formatWithPrecision(date: DayInput, precision: DatePrecision): string {
  const p = parts(date);
  switch (precision) {
    case "DAY":
      return `${p.day} ${monthName(p.month)} ${p.year}`;
    case "MONTH":
      return `${monthName(p.month)} ${p.year}`;
    case "QUARTER":
      return `Q${Math.floor(p.month / 3) + 1} ${p.year}`;
    case "SEASON": {
      const s = seasonOf(p);
      if (s.name !== "winter") return `${s.name} ${s.startYear}`;
      return `winter ${s.startYear}/${String((s.startYear + 1) % 100).padStart(2, "0")}`;
    }
    case "YEAR":
      return String(p.year);
  }
}
