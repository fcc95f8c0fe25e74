import { describe, expect, it } from "vitest";
import type { Locale } from "../i18n/locales";
import { composeAlertEmail, triedForADay } from "./email";
import { dyadIn, mailLocaleOf, mailWordsIn } from "./email-language";

const at = new Date("2026-11-29T10:20:00Z");
const ALGERIA = { a: { code: "DZA", name: "Algeria" }, b: { code: "FRA", name: "France" } };
const compose = async (alerts: { cause: string; said?: unknown; link: string }[], cadence: "IMMEDIATE" | "DAILY" | "WEEKLY" = "IMMEDIATE", locale: Locale = "en") => {
  const words = await mailWordsIn(locale);
  return composeAlertEmail({ words, dyad: dyadIn(words, ALGERIA), cadence, alerts: alerts.map((a) => ({ ...a, createdAt: at })), appUrl: "https://m.example", unsubscribe: "https://m.example/api/alerts/unsubscribe?token=r.s" });
};

describe("composeAlertEmail", () => {
  it("names the dyad and the cause in the subject of a single alert, and links to it in both parts", async () => {
    const mail = await compose([{ cause: "Band changed from calm to tense (index 3.0 → -21.0).", link: "/events/e1" }]);
    expect(mail.subject).toBe("France – Algeria: Band changed from calm to tense (index 3.0 → -21.0).");
    expect(mail.text).toContain("29 Nov 2026, 10:20 UTC  Band changed");
    expect(mail.text).toContain("https://m.example/events/e1");
    expect(mail.html).toContain('href="https://m.example/events/e1"');
    expect(mail.headers).toEqual({ "List-Unsubscribe": "<https://m.example/api/alerts/unsubscribe?token=r.s>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("counts a digest's alerts in its subject and escapes text in the HTML part", async () => {
    const mail = await compose([{ cause: "A <b>bold</b> & odd cause.", link: "/dyads/DZA-FRA" }, { cause: "Another.", link: "/dyads/DZA-FRA" }], "WEEKLY");
    expect(mail.subject).toBe("France – Algeria: 2 alerts (weekly digest)");
    expect(mail.html).toContain("A &#60;b&#62;bold&#60;/b&#62; &#38; odd cause.");
    expect(mail.html).not.toContain("<b>bold");
  });

  it("writes in the recipient's language: French words, country names and dates", async () => {
    const mail = await compose([{ cause: "One.", link: "/dyads/DZA-FRA" }, { cause: "Two.", link: "/dyads/DZA-FRA" }], "DAILY", "fr");
    expect(mail.subject).toBe("France – Algérie : 2 alertes (résumé quotidien)");
    expect(mail.text).toMatch(/^Alertes sur France – Algérie, résumé quotidien :\n/);
    expect(mail.text).toContain("29 nov. 2026, 10:20 UTC  One.");
    expect(mail.text).toContain("Ne plus recevoir ces e-mails : https://m.example/api/alerts/unsubscribe?token=r.s");
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
    expect(mail.html).toContain(">Ouvrir</a>");
  });

  it("says a cause kept as a key and its arguments in the recipient's language; one from before as recorded", async () => {
    const said = [{ kind: "band", from: "tense", to: "crisis", before: -22, after: -61.5 }];
    const mail = await compose([{ cause: "Band changed from tense to crisis (index -22.0 → -61.5).", said, link: "/events/e1" }], "IMMEDIATE", "fr");
    expect(mail.subject).toMatch(/^France – Algérie : Changement de bande : de « tendues » à « crise » \(indice .22,0 → .61,5\)\.$/);
    expect((await compose([{ cause: "Band changed from tense to crisis (index -22.0 → -61.5).", said, link: "/events/e1" }])).subject).toBe(
      "France – Algeria: Band changed from tense to crisis (index -22.0 → -61.5).",
    );
  });

  it("writes an Arabic mail right to left, each recorded cause in its own direction", async () => {
    const mail = await compose([{ cause: "One.", link: "/events/e1" }, { cause: "Two.", link: "/events/e2" }], "WEEKLY", "ar");
    expect(mail.subject).toBe("فرنسا – الجزائر: تنبيهان (الملخص الأسبوعي)");
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('<span dir="auto">One.</span>');
    expect(mail.html).toContain("إيقاف هذه الرسائل");
  });

  it("mails in English when the recipient chose no language, or one the app no longer speaks", () => {
    expect(mailLocaleOf(null)).toBe("en");
    expect(mailLocaleOf("de")).toBe("en");
    expect(mailLocaleOf("ar")).toBe("ar");
  });
});

describe("triedForADay", () => {
  it("keeps retrying through the first hours, gives up after a day of backoff", () => {
    expect(triedForADay(1)).toBe(false);
    expect(triedForADay(10)).toBe(false);
    expect(triedForADay(40)).toBe(true);
  });
});
