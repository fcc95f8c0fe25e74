// When a rule's e-mail is due: at once, or at the next digest hour in the user's time zone. Pure.

export type EmailCadenceName = "IMMEDIATE" | "DAILY" | "WEEKLY";

export interface EmailSchedule {
  emailCadence: EmailCadenceName;
  /** 0–23, local to `timeZone`. */
  digestHour: number;
  /** 0 (Sunday) – 6, for WEEKLY. */
  digestWeekday: number;
  /** An IANA name, e.g. Africa/Algiers. */
  timeZone: string;
}

/** Whether the runtime knows the IANA time zone (what a rule may be saved with). */
export function isTimeZone(name: string): boolean {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();
function localClock(at: Date, timeZone: string): { weekday: number; hour: number; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    formatters.set(timeZone, format);
  }
  const part = (type: string) => format.formatToParts(at).find((p) => p.type === type)?.value ?? "";
  return { weekday: WEEKDAYS.indexOf(part("weekday")), hour: Number(part("hour")), minute: Number(part("minute")) };
}

/** Offsets are whole quarters of an hour everywhere, so a digest hour starts on one. */
const QUARTER_MS = 15 * 60_000;
const LOOK_AHEAD_QUARTERS = 8 * 24 * 4;

/**
 * When an alert made at `now` is mailed: `now` for IMMEDIATE, else the first quarter-hour after
 * `now` that is the digest hour (on the digest weekday for WEEKLY) on the time zone's clock. A day
 * without that hour (a DST jump) is skipped to the next one.
 */
export function emailDueAt(schedule: EmailSchedule, now: Date): Date {
  if (schedule.emailCadence === "IMMEDIATE") return now;
  let at = Math.floor(now.getTime() / QUARTER_MS) * QUARTER_MS + QUARTER_MS;
  for (let i = 0; i < LOOK_AHEAD_QUARTERS; i++, at += QUARTER_MS) {
    const clock = localClock(new Date(at), schedule.timeZone);
    if (clock.minute !== 0 || clock.hour !== schedule.digestHour) continue;
    if (schedule.emailCadence === "WEEKLY" && clock.weekday !== schedule.digestWeekday) continue;
    return new Date(at);
  }
  return new Date(at);
}
