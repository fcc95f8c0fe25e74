// A job's cron in words for the admin page, and when it next comes round (UTC, as the runner reads it).
import { CronExpressionParser } from "cron-parser";

const EVERY_N_MINUTES = /^(?:\*|0)\/(\d+) \* \* \* \*$/;
const HOURLY_AT = /^(\d{1,2}) \* \* \* \*$/;
const DAILY_AT = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;

export function scheduleInWords(cron: string): string {
  const two = (n: string) => n.padStart(2, "0");
  let m: RegExpExecArray | null;
  if (cron === "* * * * *") return "every minute";
  if ((m = EVERY_N_MINUTES.exec(cron))) return `every ${m[1]} minutes`;
  if ((m = HOURLY_AT.exec(cron))) return m[1] === "0" ? "every hour, on the hour" : `every hour at :${two(m[1] ?? "")}`;
  if ((m = DAILY_AT.exec(cron))) return `every day at ${two(m[2] ?? "")}:${two(m[1] ?? "")} UTC`;
  return `cron ${cron} (UTC)`;
}

export function nextRunAt(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { tz: "UTC", currentDate: after }).next().toDate();
}
