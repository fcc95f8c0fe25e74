import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signedHeaders } from "./webhook-sign";

describe("signedHeaders", () => {
  it("signs as the Standard Webhooks reference implementation verifies", () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: "alert", cause: "Band changed." });
    const headers = signedHeaders({ secret, id: "msg_1", at: new Date(), body });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers["webhook-signature"]).toBe(new Webhook(secret).sign("msg_1", new Date(Number(headers["webhook-timestamp"]) * 1000), body));
  });

  it("fails verification for another body or secret", () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders({ secret, id: "msg_2", at: new Date(), body: "{}" });
    expect(() => new Webhook(secret).verify('{"x":1}', headers)).toThrow(/signature/i);
    expect(() => new Webhook(newWebhookSecret()).verify("{}", headers)).toThrow(/signature/i);
  });
});
