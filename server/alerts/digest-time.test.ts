import { describe, expect, it } from "vitest";
import { emailDueAt, isTimeZone, type EmailSchedule } from "./digest-time";

const daily = (digestHour: number, timeZone: string): EmailSchedule => ({ emailCadence: "DAILY", digestHour, digestWeekday: 1, timeZone });

describe("emailDueAt", () => {
  const now = new Date("2026-11-29T10:20:00Z"); // a Sunday

  it("is now for an immediate rule", () => {
    expect(emailDueAt({ ...daily(8, "UTC"), emailCadence: "IMMEDIATE" }, now)).toEqual(now);
  });

  it("is the next digest hour on the user's clock: later today, or tomorrow when it has passed", () => {
    expect(emailDueAt(daily(18, "UTC"), now).toISOString()).toBe("2026-11-29T18:00:00.000Z");
    expect(emailDueAt(daily(8, "UTC"), now).toISOString()).toBe("2026-11-30T08:00:00.000Z");
    // Algiers is UTC+1 all year: 08:00 there is 07:00 UTC.
    expect(emailDueAt(daily(8, "Africa/Algiers"), now).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    // India's half-hour offset: 09:00 in Kolkata is 03:30 UTC.
    expect(emailDueAt(daily(9, "Asia/Kolkata"), now).toISOString()).toBe("2026-11-30T03:30:00.000Z");
  });

  it("a weekly digest waits for its weekday", () => {
    const weekly = { ...daily(8, "Europe/Paris"), emailCadence: "WEEKLY", digestWeekday: 3 } as const;
    expect(emailDueAt(weekly, now).toISOString()).toBe("2026-12-02T07:00:00.000Z"); // Wednesday 08:00 in Paris (UTC+1)
  });

  it("follows daylight saving time", () => {
    // Paris moves to UTC+2 on 29 March 2026: 08:00 there is 06:00 UTC from then.
    expect(emailDueAt(daily(8, "Europe/Paris"), new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-29T06:00:00.000Z");
  });

  it("knows a time zone from a made-up one", () => {
    expect(isTimeZone("Africa/Tunis")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
