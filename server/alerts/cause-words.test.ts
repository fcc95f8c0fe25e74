import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "../i18n/locales";
import { causeInEnglish, causeWordsFrom } from "./cause-language";
import { alertSaidOf, sayAlertCause, sayCauses, type CauseSaid } from "./cause-words";

const wordsIn = async (locale: Locale) => causeWordsFrom(locale, await loadMessages(locale));
const band: CauseSaid = { kind: "band", from: "cordial", to: "mixed", before: 31.96, after: 12.04 };
const score: CauseSaid = { kind: "eventScore", score: -4, threshold: 4, title: "Rabat recalls its ambassador" };

describe("causes said in the reader's language", () => {
  it("are the English sentences alerts stored before, word for word", () => {
    expect(causeInEnglish(band)).toBe("Band changed from cordial to mixed (index 32.0 → 12.0).");
    expect(causeInEnglish({ kind: "band", from: null, to: "strong_partnership", before: null, after: 70 })).toBe("Band changed from no data to strong partnership (index none → 70.0).");
    expect(causeInEnglish({ kind: "move", moved: -12.5, days: 30, past: 4, after: -8.5 })).toBe("Index moved −12.5 points within 30 days (4.0 → -8.5).");
    expect(causeInEnglish(score)).toBe("New event with Goldstein score −4.0 (at least ±4): Rabat recalls its ambassador.");
    expect(causeInEnglish({ kind: "unusual", after: -40 })).toBe("Unusual change flagged: the index is at -40.0, a move beyond what this dyad usually does in a month.");
  });

  it("speak French and Arabic, band names and numbers included; recorded titles stay as written", async () => {
    const fr = await wordsIn("fr");
    expect(sayCauses([band], fr)).toBe("Changement de bande : de « cordiales » à « contrastées » (indice 32,0 → 12,0).");
    expect(sayCauses([score], fr)).toBe("Nouvel événement d’un score de Goldstein de −4,0 (au moins ±4) : Rabat recalls its ambassador.");
    expect(sayCauses([band, score], fr)).toMatch(/^2 changements : Changement de bande/);
    const ar = await wordsIn("ar");
    expect(sayCauses([band], ar)).toBe("تغيّرت الفئة من «علاقات ودية» إلى «علاقات متباينة» (المؤشر 32.0 ← 12.0).");
    expect(sayCauses([{ kind: "condition", starts: true, title: "Border closed" }], ar)).toBe("يبدأ اليوم وضع قائم: Border closed.");
  });

  it("keep an alert from before structured causes readable: its English sentence", async () => {
    const fr = await wordsIn("fr");
    expect(sayAlertCause({ cause: "Band changed from mixed to tense.", said: null }, fr)).toBe("Band changed from mixed to tense.");
    expect(sayAlertCause({ cause: "Band changed.", said: [{ kind: "nonsense" }] }, fr)).toBe("Band changed.");
    expect(sayAlertCause({ cause: "x", said: [band] }, fr)).toMatch(/^Changement de bande/);
    // Grouped with a cause from before: the alert keeps its English sentence rather than drop one.
    expect(alertSaidOf([{ said: band }, { said: null }])).toBeNull();
    expect(alertSaidOf([{ said: band }, { said: score }])).toEqual([band, score]);
  });
});
