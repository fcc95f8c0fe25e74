// Alert e-mail on a real PostgreSQL and a real SMTP server started here (smtp-server), each
// message parsed with mailparser: an immediate alert's subject, dyad and value, its unsubscribe
// link (signed out: a GET only asks, the page's button or a mail client's one-click POST stops the rule's mail), a daily digest held until
// its hour, the API refusing e-mail when the server has no SMTP_URL, and a French reader's mail in French.
import { afterAll, describe, expect, it } from "vitest";
import { ALERT_DYAD, startAlertsWorld, startSmtpInbox } from "@/test/fixtures/alerts";
import { eventRecord } from "../events/write";
import { createRecord, setRecordArchived } from "../records/pipeline";
import { unsubscribeUrl } from "./email";
import { createAlertRule } from "./service";
import { createUnsubscribeHandler } from "./unsubscribe";

const DYAD = ALERT_DYAD;
const READER = { id: "u-mail-reader", name: "Reader", email: "reader@example.com", role: "analyst" } as const;
const LECTRICE = { id: "u-mail-lectrice", name: "Lectrice", email: "lectrice@example.com", role: "analyst" } as const;
const SECRET = "email-test-secret-of-at-least-32-characters";
const APP = "http://monitor.test";

describe("alert e-mail", async () => {
  const { db, today, callers, runJob, recall } = await startAlertsWorld([READER, LECTRICE]);
  const [reader] = callers;
  if (!reader) throw new Error("no caller");

  const { inbox, mail, close } = await startSmtpInbox({ appUrl: APP, secret: SECRET });
  afterAll(close);

  const run = (now = new Date()) => runJob(now, mail);
  const channels = { allowLocalHttp: false, emailEnabled: true };
  const unsubscribe = createUnsubscribeHandler({ db: () => db, secret: () => SECRET });

  it("refuses e-mail through the API when the server has no SMTP_URL, and says so to the form", async () => {
    expect(await reader.alerts.channels()).toEqual({ email: false });
    await expect(reader.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD, email: { cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "e-mail is not set up on this server",
    });
    await expect(reader.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD, email: { cadence: "DAILY", hour: 8, weekday: 1, timeZone: "Mars/Olympus" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.alertRule.count()).toBe(0);
  });

  let immediate = { id: "" };
  let event = { id: "", version: 0 };

  it("mails an immediate alert in HTML and text: the dyad in the subject, the value in the body, an unsubscribe link in the headers", async () => {
    immediate = await createAlertRule({ db, userId: READER.id, input: { kind: "BAND_CHANGE", dyad: DYAD, email: { cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } }, channels });
    event = await createRecord({ db, type: eventRecord, actorId: null, data: recall("Algiers recalls its ambassador from Rabat"), today });
    await run();
    expect(inbox).toHaveLength(1);
    const [message] = inbox;
    if (!message) throw new Error("no mail");
    expect(message.to && "text" in message.to ? message.to.text : "").toBe(READER.email);
    expect(message.subject).toMatch(/^Algeria – Morocco: Band changed from no data to \w+/);
    const value = /index none → (-?\d+\.\d)/.exec(message.text ?? "")?.[1];
    expect(Number(value)).toBeLessThan(0);
    expect(message.text).toContain(`${APP}/events/${event.id}`);
    expect(message.html).toContain(`index none → ${value}`);
    expect(message.html).toContain(`href="${APP}/events/${event.id}"`);

    const header = (key: string) => message.headerLines.find((h) => h.key === key)?.line ?? "";
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const link = /<(http[^>]+)>/.exec(header("list-unsubscribe"))?.[1] ?? "";
    expect(link).toMatch(`${APP}/api/alerts/unsubscribe?token=`);
    expect(message.text).toContain(link);
    expect(await db.alert.findFirstOrThrow({ where: { ruleId: immediate.id }, select: { emailState: true, emailAttempts: true } })).toEqual({ emailState: "SENT", emailAttempts: 1 });

    // The link, opened signed out (no cookie), as a mail scanner prefetching it would: only a page
    // saying what would stop, with a button; the rule still mails.
    const opened = await unsubscribe(new Request(link));
    expect(opened.status).toBe(200);
    const confirmation = await opened.text();
    expect(confirmation).toContain("You are about to stop the e-mail of this alert rule — Algeria – Morocco: changes band.");
    const action = /<form method="post" action="([^"]+)">/.exec(confirmation)?.[1]?.replaceAll("&#38;", "&") ?? "";
    expect(new URL(action, APP).href).toBe(link);
    expect(confirmation).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop these e-mails</button>');
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: immediate.id }, select: { email: true } })).toEqual({ email: true });
    expect(await db.auditLog.count({ where: { entityId: immediate.id, after: { path: ["by"], equals: "unsubscribe link" } } })).toBe(0);

    // The button posts the form back: now the rule stops mailing, still alerts in the app.
    const confirmed = await unsubscribe(new Request(new URL(action, APP), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toMatch(/no more e-mail/);
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: immediate.id }, select: { email: true } })).toEqual({ email: false });
    // Opened again: nothing left to stop, and no button.
    expect(await (await unsubscribe(new Request(link))).text()).not.toContain("<form");
    const audited = await db.auditLog.findFirstOrThrow({ where: { entityId: immediate.id }, orderBy: { id: "desc" }, select: { actorId: true, after: true } });
    expect(audited).toEqual({ actorId: READER.id, after: { email: false, by: "unsubscribe link" } });

    await db.alertRule.update({ where: { id: immediate.id }, data: { lastFiredAt: new Date(Date.now() - 2 * 3600_000) } });
    event = await setRecordArchived({ db, type: eventRecord, actorId: null, id: event.id, version: event.version, archived: true, today });
    await run();
    expect(await reader.alerts.unread()).toBe(2);
    expect(inbox).toHaveLength(1);
  });

  it("the mail client's one-click POST (List-Unsubscribe-Post) acts at once, and a forged or altered token is refused", async () => {
    const rule = await createAlertRule({ db, userId: READER.id, input: { kind: "BAND_CHANGE", dyad: DYAD, email: { cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } }, channels });
    const forged = await unsubscribe(new Request(`${APP}/api/alerts/unsubscribe?token=${rule.id}.AAAA`, { method: "POST" }));
    expect(forged.status).toBe(400);
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: rule.id }, select: { email: true } })).toEqual({ email: true });
    const posted = await unsubscribe(new Request(unsubscribeUrl(mail, { ruleId: rule.id }), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
    expect(posted.status).toBe(200);
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: rule.id }, select: { email: true } })).toEqual({ email: false });
    await db.alertRule.delete({ where: { id: rule.id } });
  });

  it("holds a daily digest until its hour on the user's clock, then sends the rule's alerts in one message", async () => {
    await db.alertRule.delete({ where: { id: immediate.id } });
    const digest = await createAlertRule({ db, userId: READER.id, input: { kind: "BAND_CHANGE", dyad: DYAD, email: { cadence: "DAILY", hour: 6, weekday: 1, timeZone: "Africa/Algiers" } }, channels });
    // 10:00 UTC today: the digest falls due tomorrow at 06:00 in Algiers, after both alerts.
    const now = new Date(today * 86_400_000 + 10 * 3600_000);
    // Two band changes, the second after the cooldown: two alerts waiting for one digest.
    event = await setRecordArchived({ db, type: eventRecord, actorId: null, id: event.id, version: event.version, archived: false, today });
    await run(now);
    await setRecordArchived({ db, type: eventRecord, actorId: null, id: event.id, version: event.version, archived: true, today });
    await run(new Date(now.getTime() + 61 * 60_000));
    const waiting = await db.alert.findMany({ where: { ruleId: digest.id }, select: { emailState: true, emailDueAt: true } });
    expect(waiting).toHaveLength(2);
    expect(waiting.every((a) => a.emailState === "PENDING")).toBe(true);
    const [first] = waiting;
    if (!first?.emailDueAt) throw new Error("no due time");
    // 06:00 in Algiers is 05:00 UTC.
    expect(first.emailDueAt.getUTCHours()).toBe(5);
    expect(first.emailDueAt.getUTCMinutes()).toBe(0);

    const sentBefore = inbox.length;
    await run(new Date(first.emailDueAt.getTime() - 60_000));
    expect(inbox).toHaveLength(sentBefore);
    await run(new Date(Math.max(...waiting.map((a) => a.emailDueAt?.getTime() ?? 0))));
    expect(inbox).toHaveLength(sentBefore + 1);
    const message = inbox.at(-1);
    expect(message?.subject).toBe("Algeria – Morocco: 2 alerts (daily digest)");
    expect(message?.text).toMatch(/Band changed from no data to [\s\S]*Band changed from \w+ to no data/);
  });

  it("mails a reader who chose French in French: subject, body, country names, dates, and the unsubscribe page", async () => {
    await db.user.update({ where: { id: LECTRICE.id }, data: { locale: "fr" } });
    const rule = await createAlertRule({ db, userId: LECTRICE.id, input: { kind: "BAND_CHANGE", dyad: DYAD, email: { cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } }, channels });
    const { version } = await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { version: true } });
    await setRecordArchived({ db, type: eventRecord, actorId: null, id: event.id, version, archived: false, today });
    await run();
    const message = inbox.find((m) => (m.to && "text" in m.to ? m.to.text : "") === LECTRICE.email);
    if (!message) throw new Error("no mail for the French reader");
    expect(message.subject).toMatch(/^Algérie – Maroc : /);
    expect(message.text).toMatch(/^Alertes sur Algérie – Maroc :\n\n\d{1,2} [a-zéû]+\.? \d{4}, \d\d:\d\d UTC {2}/);
    expect(message.text).toContain("Ne plus recevoir ces e-mails : ");
    expect(message.html).toContain('<html lang="fr" dir="ltr">');
    expect(message.html).toContain(">Ouvrir</a>");

    const link = /<(http[^>]+)>/.exec(message.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "")?.[1] ?? "";
    const french = { "accept-language": "fr-FR,fr;q=0.9" };
    const opened = await unsubscribe(new Request(link, { headers: french }));
    expect((await opened.text()).replaceAll("&#39;", "'")).toContain("Vous allez arrêter les e-mails de cette règle d'alerte — Algérie – Maroc : change de bande.");
    const posted = await unsubscribe(new Request(link, { method: "POST", headers: french, body: "List-Unsubscribe=One-Click" }));
    expect((await posted.text()).replaceAll("&#39;", "'")).toContain("Vous ne recevrez plus d'e-mail pour cette règle d'alerte.");
    const forged = await unsubscribe(new Request(`${APP}/api/alerts/unsubscribe?token=${rule.id}.AAAA`, { headers: { cookie: "NEXT_LOCALE=ar" } }));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: "رابط إلغاء الاشتراك هذا غير صالح: استخدم الرابط الوارد في آخر رسالة." });
  });
});
