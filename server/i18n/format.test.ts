import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { dateWordsFrom, formattersFor } from "./format";
import type { Locale } from "./locales";

async function formatters(locale: Locale) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "common.dates" });
  return formattersFor(locale, dateWordsFrom(t));
}

describe("formatting in the reader's language", () => {
  it("writes days the way each language does, whatever the browser", async () => {
    expect((await formatters("en")).day("2026-02-28")).toBe("28 Feb 2026");
    expect((await formatters("fr")).day("2026-02-28")).toBe("28 févr. 2026");
    expect((await formatters("ar")).day("2026-02-28")).toMatch(/^28 فبراير 2026$/);
  });

  it("writes numbers with each language's separators, Latin digits in Arabic", async () => {
    expect((await formatters("en")).number(1234.5)).toBe("1,234.5");
    expect((await formatters("fr")).number(1234.5)).toBe("1\u202f234,5");
    expect((await formatters("ar")).number(1234.5)).toMatch(/^1.234.5$/);
  });

  it("writes a date as precise as its source", async () => {
    const en = await formatters("en");
    const fr = await formatters("fr");
    expect(en.period("2025-06-24", "DAY")).toBe("24 Jun 2025");
    expect(en.period("2025-04-01", "MONTH")).toBe("Apr 2025");
    expect(fr.period("2025-04-01", "MONTH")).toBe("avr. 2025");
    expect(en.period("2025-05-01", "QUARTER")).toBe("Q2 2025");
    expect(fr.period("2025-05-01", "QUARTER")).toBe("T2 2025");
    expect(en.period("2024-07-01", "SEASON")).toBe("summer 2024");
    expect(fr.period("2025-01-15", "SEASON")).toBe("hiver 2024/25");
    expect(en.period("2025-01-01", "YEAR")).toBe("2025");
    expect(fr.period(null, null)).toBe("date encore inconnue");
  });

  it("writes moments in UTC, and how long ago in words", async () => {
    const fr = await formatters("fr");
    const now = new Date("2026-11-29T20:31:00Z");
    expect((await formatters("en")).moment(now)).toBe("29 Nov 2026, 20:31 UTC");
    expect(fr.relative(new Date("2026-11-26T20:00:00Z"), now)).toBe("il y a 3 jours");
    expect((await formatters("en")).relative(new Date("2026-11-28T20:31:00Z"), now)).toBe("yesterday");
    expect(fr.moment(null)).toBe("jamais");
  });
});
