// A job's cron in words for the admin page, and when it next comes round (UTC, as the runner reads it).
import { CronExpressionParser } from "cron-parser";

const EVERY_N_MINUTES = /^(?:\*|0)\/(\d+) \* \* \* \*$/;
const HOURLY_AT = /^(\d{1,2}) \* \* \* \*$/;
const DAILY_AT = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;

/** The shapes of cron the page can say in words (minutes two digits, times in UTC); the rest stays cron. */
export type Schedule =
  | { every: "minute" }
  | { every: "minutes"; minutes: number }
  | { every: "hour"; minute: string }
  | { every: "day"; time: string }
  | { every: "cron"; cron: string };

export function scheduleOf(cron: string): Schedule {
  const two = (n: string | undefined) => (n ?? "").padStart(2, "0");
  let m: RegExpExecArray | null;
  if (cron === "* * * * *") return { every: "minute" };
  if ((m = EVERY_N_MINUTES.exec(cron))) return { every: "minutes", minutes: Number(m[1]) };
  if ((m = HOURLY_AT.exec(cron))) return { every: "hour", minute: two(m[1]) };
  if ((m = DAILY_AT.exec(cron))) return { every: "day", time: `${two(m[2])}:${two(m[1])}` };
  return { every: "cron", cron };
}

/** The schedule in English, for the API and the logs (the page says it in the reader's language). */
export function scheduleInWords(cron: string): string {
  const schedule = scheduleOf(cron);
  switch (schedule.every) {
    case "minute":
      return "every minute";
    case "minutes":
      return `every ${schedule.minutes} minutes`;
    case "hour":
      return schedule.minute === "00" ? "every hour, on the hour" : `every hour at :${schedule.minute}`;
    case "day":
      return `every day at ${schedule.time} UTC`;
    case "cron":
      return `cron ${schedule.cron} (UTC)`;
  }
}

export function nextRunAt(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { tz: "UTC", currentDate: after }).next().toDate();
}
