// A team's shared rule delivered to each subscriber as they chose, on a real PostgreSQL, a real SMTP
// server (smtp-server, each message parsed with mailparser) and a real local webhook receiver: the
// owner's e-mail at once, a subscriber's own webhook signed with their own secret and their own
// daily digest in their language at their hour; each recipient gets a triggering change once; one
// who left the team before delivery gets nothing; a subscriber's unsubscribe link (GET asks, POST
// acts) stops only their e-mail.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { ALERT_DYAD, startAlertsWorld, startSmtpInbox } from "@/test/fixtures/alerts";
import { eventRecord } from "../events/write";
import { createRecord } from "../records/pipeline";
import { deliverDue, recordCauses } from "./job";
import { settleOutbox } from "./outbox";
import { createAlertRule, setSubscriptionDelivery } from "./service";
import { createUnsubscribeHandler } from "./unsubscribe";

const users = ["owner", "mate", "leaver"].map((name) => ({ id: `u-sub-${name}`, name, email: `sub-${name}@example.com`, role: "analyst" as const }));
const SECRET = "subscribers-test-secret-of-at-least-32-characters";
const APP = "http://monitor.test";
const channels = { allowLocalHttp: true, emailEnabled: true };
const email = (cadence: "IMMEDIATE" | "DAILY", hour = 8) => ({ emailOn: true, cadence, hour, weekday: 1, timeZone: "Africa/Algiers" });

describe("subscribers' own delivery of a shared rule", async () => {
  const { db, today, callers, runJob, recall } = await startAlertsWorld(users);
  const [, mateCaller] = callers;
  if (!mateCaller) throw new Error("no caller");
  const team = await db.team.create({
    data: { name: "Sahel desk", memberships: { create: [{ userId: "u-sub-owner", role: "OWNER" }, { userId: "u-sub-mate", role: "MEMBER" }, { userId: "u-sub-leaver", role: "MEMBER" }] } },
    select: { id: true },
  });
  await db.user.update({ where: { id: "u-sub-mate" }, data: { locale: "fr" } });

  const { inbox, mail, close } = await startSmtpInbox({ appUrl: APP, secret: SECRET });
  const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  afterAll(async () => {
    await close();
    await new Promise((resolve) => receiver.close(resolve));
  });
  const mailsTo = (userId: string) => inbox.filter((m) => (m.to && "text" in m.to ? m.to.text : "") === `sub-${userId.replace("u-sub-", "")}@example.com`);
  const unsubscribe = createUnsubscribeHandler({ db: () => db, secret: () => SECRET });

  const rule = await createAlertRule({ db, userId: "u-sub-owner", input: { kind: "BAND_CHANGE", dyad: ALERT_DYAD, teamId: team.id, email: { cadence: "IMMEDIATE", hour: 8, weekday: 1, timeZone: "UTC" } }, channels });
  let mateSecret = "";

  it("a subscriber chooses their own webhook (its secret answered once) and e-mail; refused on the field like a rule's", async () => {
    await expect(setSubscriptionDelivery({ db, userId: "u-sub-mate", channels, input: { ruleId: rule.id, webhookUrl: "https://10.0.0.1/hook", ...email("DAILY", 7) } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^needs a public address/),
    });
    await expect(mateCaller.alerts.subscriptionDelivery({ ruleId: rule.id, webhookUrl: "", ...email("DAILY", 7) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "e-mail is not set up on this server" });
    await expect(setSubscriptionDelivery({ db, userId: "u-sub-owner", channels, input: { ruleId: rule.id, webhookUrl: "", ...email("DAILY") } })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const chosen = await setSubscriptionDelivery({ db, userId: "u-sub-mate", channels, input: { ruleId: rule.id, webhookUrl: `${base}/mate`, ...email("DAILY", 7) } });
    expect(chosen).toMatchObject({ subscribed: true, mine: false, webhookUrl: `${base}/mate`, email: true, emailCadence: "DAILY", digestHour: 7, webhookSecret: expect.stringMatching(/^whsec_/) });
    mateSecret = chosen.webhookSecret ?? "";
    // Saved again unchanged: the secret stays and is not answered again.
    expect(await setSubscriptionDelivery({ db, userId: "u-sub-mate", channels, input: { ruleId: rule.id, webhookUrl: `${base}/mate`, ...email("DAILY", 7) } })).toMatchObject({ webhookSecret: null });
    await setSubscriptionDelivery({ db, userId: "u-sub-leaver", channels, input: { ruleId: rule.id, webhookUrl: `${base}/leaver`, ...email("IMMEDIATE") } });

    // The teammate's list shows their own delivery; the owner's is theirs alone.
    expect((await mateCaller.alerts.rules())[0]).toMatchObject({ webhookUrl: `${base}/mate`, email: true, emailCadence: "DAILY", timeZone: "Africa/Algiers" });
    const audited = await db.auditLog.findFirstOrThrow({ where: { actorId: "u-sub-mate", entityId: rule.id }, orderBy: { id: "asc" }, select: { before: true, after: true } });
    expect(audited).toEqual({
      before: { subscriber: "u-sub-mate", subscribed: false },
      after: { subscriber: "u-sub-mate", subscribed: true, webhookUrl: `${base}/mate`, email: true, emailCadence: "DAILY", digestHour: 7, digestWeekday: 1, timeZone: "Africa/Algiers" },
    });
  });

  it("delivers one change to each recipient once, as each chose; one who left the team before delivery gets nothing", async () => {
    // Now (the webhook's signature carries the time, and the receiver checks it is recent).
    const now = new Date();
    const event = await createRecord({ db, type: eventRecord, actorId: null, data: recall("Nouakchott hosts talks"), today });
    // Made while all three were in the team; the leaver leaves before the webhooks and e-mail go out.
    await settleOutbox({ db, now, use: (tx, change) => recordCauses({ db: tx, change, now }) });
    expect(await deliverDue({ db, now })).toBe(1);
    expect(await db.alert.count({ where: { ruleId: rule.id } })).toBe(3);
    await db.membership.deleteMany({ where: { teamId: team.id, userId: "u-sub-leaver" } });
    await runJob(now, mail);
    await runJob(now, mail);
    expect(await deliverDue({ db, now: new Date(now.getTime() + 2 * 3600_000) })).toBe(0);

    const alerts = await db.alert.findMany({ where: { ruleId: rule.id }, orderBy: { userId: "asc" }, select: { userId: true, idempotencyKey: true, emailState: true } });
    const [firstCause] = await db.alertCause.findMany({ where: { ruleId: rule.id }, select: { id: true } });
    expect(alerts.map((a) => a.idempotencyKey)).toEqual(["leaver", "mate", "owner"].map((u) => `${rule.id}:${firstCause?.id}:u-sub-${u}`));
    expect(alerts.map((a) => [a.userId, a.emailState])).toEqual([
      ["u-sub-leaver", null],
      ["u-sub-mate", "PENDING"],
      ["u-sub-owner", "SENT"],
    ]);
    expect(mailsTo("u-sub-owner").map((m) => m.subject)).toEqual([expect.stringMatching(/^Algeria – Morocco: Band changed from no data to /)]);
    expect(mailsTo("u-sub-leaver")).toEqual([]);

    expect(received.map((r) => r.path)).toEqual(["/mate"]);
    const [post] = received;
    if (!post) throw new Error("nothing posted");
    const headers = { "webhook-id": String(post.headers["webhook-id"]), "webhook-timestamp": String(post.headers["webhook-timestamp"]), "webhook-signature": String(post.headers["webhook-signature"]) };
    expect(new Webhook(mateSecret).verify(post.body, headers)).toMatchObject({ type: "alert.fired", data: { ruleId: rule.id, link: `/events/${event.id}` } });
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { url: `${base}/leaver` }, select: { state: true, lastError: true } })).toEqual({ state: "FAILED", lastError: expect.stringMatching(/no longer receives/) });

    // The mate's digest at 07:00 in Algiers (06:00 UTC), in French, with a link that stops only their e-mail.
    expect(mailsTo("u-sub-mate")).toEqual([]);
    const { emailDueAt } = await db.alert.findFirstOrThrow({ where: { ruleId: rule.id, userId: "u-sub-mate" }, select: { emailDueAt: true } });
    if (!emailDueAt) throw new Error("no digest due");
    expect([emailDueAt.getUTCHours(), emailDueAt.getUTCMinutes()]).toEqual([6, 0]);
    await runJob(new Date(emailDueAt.getTime() - 60_000), mail);
    expect(mailsTo("u-sub-mate")).toEqual([]);
    await runJob(emailDueAt, mail);
    const [digest] = mailsTo("u-sub-mate");
    if (!digest) throw new Error("no digest for the mate");
    expect(digest.subject).toMatch(/^Algérie – Maroc : Changement de bande : de « pas de données » à « \S+ »/);
    expect(digest.text).toMatch(/^Alertes sur Algérie – Maroc, résumé quotidien :/);
    const link = /<(http[^>]+)>/.exec(digest.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "")?.[1] ?? "";
    const opened = await unsubscribe(new Request(link, { headers: { "accept-language": "fr" } }));
    expect((await opened.text()).replaceAll("&#39;", "'")).toContain("Vous allez arrêter les e-mails de cette règle d'alerte — Algérie – Maroc : change de bande.");
    expect(await db.alertSubscription.findFirstOrThrow({ where: { userId: "u-sub-mate" }, select: { email: true } })).toEqual({ email: true });
    expect((await unsubscribe(new Request(link, { method: "POST", body: "List-Unsubscribe=One-Click" }))).status).toBe(200);
    expect(await db.alertSubscription.findFirstOrThrow({ where: { userId: "u-sub-mate" }, select: { email: true } })).toEqual({ email: false });
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: rule.id }, select: { email: true } })).toEqual({ email: true });
    expect(await db.auditLog.findFirstOrThrow({ where: { actorId: "u-sub-mate", entityId: rule.id }, orderBy: { id: "desc" }, select: { after: true } })).toEqual({
      after: { subscriber: "u-sub-mate", email: false, by: "unsubscribe link" },
    });
  });
});
