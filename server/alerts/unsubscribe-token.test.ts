import { describe, expect, it } from "vitest";
import { ruleOfUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token";

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
