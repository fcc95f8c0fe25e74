import { describe, expect, it } from "vitest";
import { composeAlertEmail, triedForADay } from "./email";

const at = new Date("2026-11-29T10:20:00Z");
const compose = (alerts: { cause: string; link: string }[], cadence: "IMMEDIATE" | "DAILY" | "WEEKLY" = "IMMEDIATE") =>
  composeAlertEmail({ dyad: "France – Algeria", cadence, alerts: alerts.map((a) => ({ ...a, createdAt: at })), appUrl: "https://m.example", unsubscribe: "https://m.example/api/alerts/unsubscribe?token=r.s" });

describe("composeAlertEmail", () => {
  it("names the dyad and the cause in the subject of a single alert, and links to it in both parts", () => {
    const mail = compose([{ cause: "Band changed from calm to tense (index 3.0 → -21.0).", link: "/events/e1" }]);
    expect(mail.subject).toBe("France – Algeria: Band changed from calm to tense (index 3.0 → -21.0).");
    expect(mail.text).toContain("2026-11-29 10:20 UTC  Band changed");
    expect(mail.text).toContain("https://m.example/events/e1");
    expect(mail.html).toContain('href="https://m.example/events/e1"');
    expect(mail.headers).toEqual({ "List-Unsubscribe": "<https://m.example/api/alerts/unsubscribe?token=r.s>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("counts a digest's alerts in its subject and escapes text in the HTML part", () => {
    const mail = compose([{ cause: "A <b>bold</b> & odd cause.", link: "/dyads/DZA-FRA" }, { cause: "Another.", link: "/dyads/DZA-FRA" }], "WEEKLY");
    expect(mail.subject).toBe("France – Algeria: 2 alerts (weekly digest)");
    expect(mail.html).toContain("A &#60;b&#62;bold&#60;/b&#62; &#38; odd cause.");
    expect(mail.html).not.toContain("<b>bold");
  });
});

describe("triedForADay", () => {
  it("keeps retrying through the first hours, gives up after a day of backoff", () => {
    expect(triedForADay(1)).toBe(false);
    expect(triedForADay(10)).toBe(false);
    expect(triedForADay(40)).toBe(true);
  });
});
