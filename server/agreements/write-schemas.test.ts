// The agreement form's rules, as the form and the API both apply them.
import { describe, expect, it } from "vitest";
import { agreementFixture as base } from "../../test/fixtures/agreement";
import { agreementInput } from "./write-schemas";

const nextYear = `${new Date().getUTCFullYear() + 1}-03-01`;
const fieldsOf = (input: unknown) => {
  const result = agreementInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("agreement input rules", () => {
  it("accepts a complete agreement and normalises the currency and dyad", () => {
    const parsed = agreementInput.parse(base);
    expect(parsed.amounts[0]?.currency).toBe("EUR");
    expect(parsed.dyad).toBe("FRA-MAR");
  });
  it("refuses money without a currency, on that amount's currency", () => {
    expect(fieldsOf({ ...base, amounts: [{ amount: "100", label: "loan" }] })).toEqual(["amounts.0.currency: money needs a currency (EUR, MAD…)"]);
  });
  it("dates only anticipated agreements in the future", () => {
    expect(fieldsOf({ ...base, date: nextYear })).toEqual(["date: a future date is only for an anticipated agreement"]);
    expect(fieldsOf({ ...base, date: nextYear, status: "ANTICIPATED" })).toEqual([]);
  });
  it("needs a party, and refuses a javascript: source", () => {
    expect(fieldsOf({ ...base, parties: [] })).toEqual(["parties: name at least one party"]);
    expect(fieldsOf({ ...base, sources: [{ publisher: "p", title: "t", url: "javascript:alert(1)" }] })[0]).toMatch(/^sources\.0\.url/);
  });
});

