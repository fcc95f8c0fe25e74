import { describe, expect, it } from "vitest";
import { nextRunAt, scheduleInWords } from "./schedule";

describe("job schedules", () => {
  it("says the common crons in words and leaves the rest as cron", () => {
    expect(scheduleInWords("0 * * * *")).toBe("every hour, on the hour");
    expect(scheduleInWords("*/15 * * * *")).toBe("every 15 minutes");
    expect(scheduleInWords("5 * * * *")).toBe("every hour at :05");
    expect(scheduleInWords("30 4 * * *")).toBe("every day at 04:30 UTC");
    expect(scheduleInWords("0 9 * * 1")).toBe("cron 0 9 * * 1 (UTC)");
  });

  it("finds the next occurrence after a moment, in UTC", () => {
    expect(nextRunAt("0 * * * *", new Date("2026-11-29T20:20:00Z"))).toEqual(new Date("2026-11-29T21:00:00Z"));
    expect(nextRunAt("*/15 * * * *", new Date("2026-11-29T20:15:00Z"))).toEqual(new Date("2026-11-29T20:30:00Z"));
  });
});
