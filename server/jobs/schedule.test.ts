import { describe, expect, it } from "vitest";
import { nextRunAt, scheduleInWords, scheduleOf } from "./schedule";

describe("job schedules", () => {
  it("says the common crons in words and leaves the rest as cron", () => {
    expect(scheduleInWords("0 * * * *")).toBe("every hour, on the hour");
    expect(scheduleInWords("*/15 * * * *")).toBe("every 15 minutes");
    expect(scheduleInWords("5 * * * *")).toBe("every hour at :05");
    expect(scheduleInWords("30 4 * * *")).toBe("every day at 04:30 UTC");
    expect(scheduleInWords("0 9 * * 1")).toBe("cron 0 9 * * 1 (UTC)");
  });

  it("reads the same crons into parts the page words in the reader's language", () => {
    expect(scheduleOf("* * * * *")).toEqual({ every: "minute" });
    expect(scheduleOf("*/15 * * * *")).toEqual({ every: "minutes", minutes: 15 });
    expect(scheduleOf("0 * * * *")).toEqual({ every: "hour", minute: "00" });
    expect(scheduleOf("5 * * * *")).toEqual({ every: "hour", minute: "05" });
    expect(scheduleOf("30 4 * * *")).toEqual({ every: "day", time: "04:30" });
    expect(scheduleOf("0 9 * * 1")).toEqual({ every: "cron", cron: "0 9 * * 1" });
  });

  it("finds the next occurrence after a moment, in UTC", () => {
    expect(nextRunAt("0 * * * *", new Date("2026-11-29T20:20:00Z"))).toEqual(new Date("2026-11-29T21:00:00Z"));
    expect(nextRunAt("*/15 * * * *", new Date("2026-11-29T20:15:00Z"))).toEqual(new Date("2026-11-29T20:30:00Z"));
  });
});
