import { describe, expect, it } from "vitest";
import { mailingOfSubject, mailingSubject, ruleOfUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token";

const SECRET = "a-test-secret-of-at-least-32-characters";

describe("unsubscribe tokens", () => {
  it("name the rule they were made for", () => {
    expect(ruleOfUnsubscribeToken(unsubscribeToken("rule-1", SECRET), SECRET)).toBe("rule-1");
  });

  it("refuse another secret, another rule's signature and malformed text", () => {
    const token = unsubscribeToken("rule-1", SECRET);
    expect(ruleOfUnsubscribeToken(token, `${SECRET}-other`)).toBeNull();
    expect(ruleOfUnsubscribeToken(`rule-2.${token.split(".")[1]}`, SECRET)).toBeNull();
    for (const bad of ["", "rule-1", "rule-1.", ".sig", `${token}.x`]) expect(ruleOfUnsubscribeToken(bad, SECRET)).toBeNull();
  });
});

describe("a subscriber's unsubscribe token", () => {
  it("names their subscription, never a rule, and signs the prefix with it", () => {
    const token = unsubscribeToken(mailingSubject({ subscriptionId: "csub1" }), SECRET);
    const subject = ruleOfUnsubscribeToken(token, SECRET);
    expect(subject && mailingOfSubject(subject)).toEqual({ subscriptionId: "csub1" });
    expect(mailingOfSubject("crule1")).toEqual({ ruleId: "crule1" });
    // The rule's own signature does not open the subscription's mailing of the same id.
    expect(ruleOfUnsubscribeToken(`s-crule1.${unsubscribeToken("crule1", SECRET).split(".")[1]}`, SECRET)).toBeNull();
  });
});
