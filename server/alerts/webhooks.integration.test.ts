// Webhooks on a real PostgreSQL, the `alerts` job and a real local HTTP receiver: targets
// refused at save, a publish's alert posted signed (verified with the standardwebhooks package),
// and a failing receiver retried with backoff, then marked failed after a day.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it } from "vitest";
import { ALERT_DYAD, startAlertsWorld } from "@/test/fixtures/alerts";
import { eventRecord } from "../events/write";
import { createRecord } from "../records/pipeline";
import { postDueWebhooks, retryDelayMs } from "./webhooks";

const DYAD = ALERT_DYAD;
const GOOD = { id: "u-hook-good", name: "Good", email: "good@example.com", role: "analyst" } as const;
const BAD = { id: "u-hook-bad", name: "Bad", email: "bad@example.com", role: "analyst" } as const;

describe("alert webhooks", async () => {
  const { db, today, callers, runJob, recall } = await startAlertsWorld([GOOD, BAD]);
  const [good, bad] = callers;
  if (!good || !bad) throw new Error("no callers");

  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      if (request.url === "/fail") {
        response.writeHead(500).end("down");
        return;
      }
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  it("refuses, at save, targets that are not https to a public address", async () => {
    for (const target of ["https://10.0.0.1/hook", "https://169.254.169.254/latest", "https://[::1]/hook", "http://8.8.8.8/hook", "ftp://8.8.8.8/"]) {
      await expect(good.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD, webhookUrl: target }), target).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^needs (an https|a public address)/) });
    }
    expect(await db.alertRule.count()).toBe(0);
  });

  it("posts a publish's alert signed as Standard Webhooks says; a failing receiver is retried, then marked failed", async () => {
    const rule = await good.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD, webhookUrl: `${base}/hook` });
    if (!rule.webhookSecret) throw new Error("no secret answered");
    await bad.alerts.createRule({ kind: "BAND_CHANGE", dyad: DYAD, webhookUrl: `${base}/fail` });
    const event = await createRecord({ db, type: eventRecord, actorId: null, data: recall("Algiers recalls its ambassador from Rabat"), today });

    expect(await runJob()).toEqual({ read: 3, kept: 3 });
    expect(await db.webhookDelivery.count({ where: { attempts: 1 } })).toBe(2);
    expect(received).toHaveLength(1);
    const [post] = received;
    if (!post) throw new Error("nothing received");
    const headers = { "webhook-id": String(post.headers["webhook-id"]), "webhook-timestamp": String(post.headers["webhook-timestamp"]), "webhook-signature": String(post.headers["webhook-signature"]) };
    const payload = new Webhook(rule.webhookSecret).verify(post.body, headers);
    const [alert] = (await good.alerts.list()).alerts;
    expect(payload).toMatchObject({ type: "alert.fired", data: { alertId: alert?.id, dyad: DYAD, link: `/events/${event.id}`, cause: expect.stringMatching(/^Band changed/) } });
    expect(headers["webhook-id"]).toBe(alert?.id);
    expect(() => new Webhook(rule.webhookSecret ?? "").verify(`${post.body} `, headers)).toThrow(/signature/i);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { url: `${base}/hook` }, select: { state: true, lastStatus: true, attempts: true } })).toEqual({ state: "DELIVERED", lastStatus: 204, attempts: 1 });

    const failing = await db.webhookDelivery.findFirstOrThrow({ where: { url: `${base}/fail` }, select: { id: true, state: true, lastStatus: true, attempts: true, createdAt: true, nextAttemptAt: true } });
    expect(failing).toMatchObject({ state: "PENDING", lastStatus: 500, attempts: 1 });
    await postDueWebhooks({ db, now: new Date(failing.nextAttemptAt.getTime() + 1), allowLocalHttp: true });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: failing.id }, select: { state: true, attempts: true } })).toEqual({ state: "PENDING", attempts: 2 });
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));
    await postDueWebhooks({ db, now: new Date(failing.createdAt.getTime() + 25 * 3600_000), allowLocalHttp: true });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: failing.id }, select: { state: true, attempts: true, lastError: true } })).toEqual({ state: "FAILED", attempts: 3, lastError: "answered 500" });
    expect(received).toHaveLength(1);
  });

  it("lists the posts in the delivery log; an edited rule gets a new secret, and Send test posts a signed test its answer is kept from", async () => {
    const log = await good.alerts.deliveries();
    expect(log.map((d) => [d.channel, d.state, d.status])).toEqual([["webhook", "DELIVERED", 204]]);
    expect((await bad.alerts.deliveries()).map((d) => [d.channel, d.state, d.error])).toEqual([["webhook", "FAILED", "answered 500"]]);

    const [rule] = await good.alerts.rules();
    if (!rule) throw new Error("no rule");
    const edit = { ruleId: rule.id, version: rule.version, kind: "MOVE", threshold: 12, days: 14, emailOn: false, cadence: "DAILY", hour: 8, weekday: 1, timeZone: "UTC" } as const;
    await expect(good.alerts.editRule({ ...edit, webhookUrl: "https://10.1.2.3/hook" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^needs a public address/) });
    await expect(good.alerts.editRule({ ...edit, kind: "MOVE", threshold: undefined, webhookUrl: `${base}/hook` })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const edited = await good.alerts.editRule({ ...edit, webhookUrl: `${base}/hook2` });
    expect(edited).toMatchObject({ kind: "MOVE", threshold: 12, days: 14, webhookUrl: `${base}/hook2`, version: rule.version + 1, webhookSecret: expect.stringMatching(/^whsec_/) });
    await expect(good.alerts.editRule({ ...edit, webhookUrl: `${base}/hook2` })).rejects.toMatchObject({ code: "CONFLICT" });
    // Saved again with the same URL: the secret stays, none is answered.
    expect(await good.alerts.editRule({ ...edit, version: edited.version, webhookUrl: `${base}/hook2` })).toMatchObject({ webhookSecret: null });

    const tested = await good.alerts.testWebhook({ ruleId: rule.id });
    expect(tested).toMatchObject({ ok: true, webhookTestStatus: 204, webhookTestError: null });
    const post = received.at(-1);
    if (!post || !edited.webhookSecret) throw new Error("no test post");
    const headers = { "webhook-id": String(post.headers["webhook-id"]), "webhook-timestamp": String(post.headers["webhook-timestamp"]), "webhook-signature": String(post.headers["webhook-signature"]) };
    expect(new Webhook(edited.webhookSecret).verify(post.body, headers)).toMatchObject({ type: "alert.test", data: { ruleId: rule.id, dyad: DYAD } });
    expect((await good.alerts.rules())[0]).toMatchObject({ webhookTestStatus: 204, webhookTestedAt: expect.any(Date) });
    await expect(bad.alerts.testWebhook({ ruleId: rule.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
