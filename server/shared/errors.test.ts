// Refusals name the exact field they are about, so a form can show each message on its control.
import { describe, expect, it } from "vitest";
import { agreementFixture } from "../../test/fixtures/agreement";
import { agreementInput, updateAgreementInput } from "../agreements/write-schemas";
import { fieldMessagesOf, FieldErrors } from "./errors";

const issuesOf = (result: { success: boolean; error?: unknown }) => fieldMessagesOf(result.error);

describe("fieldMessagesOf", () => {
  it("keys a refusal inside a repeated row by its whole path", () => {
    const result = agreementInput.safeParse({ ...agreementFixture, amounts: [{ amount: "1000", label: "grant" }] });
    expect(issuesOf(result)).toEqual({ "amounts.0.currency": ["money needs a currency (EUR, MAD…)"] });
  });

  it("keeps an update's data. prefix and a source link's row", () => {
    const data = { ...agreementFixture, sources: [{ publisher: "X", title: "Y", url: "javascript:alert(1)" }] };
    const result = updateAgreementInput.safeParse({ id: "a1", version: 1, data });
    expect(issuesOf(result)).toEqual({ "data.sources.0.url": ["a source link must be an http:// or https:// address"] });
  });

  it("passes a service's own field refusal through, and names nothing for other errors", () => {
    expect(fieldMessagesOf(new FieldErrors({ dyad: ["no dyad FRA-XXX is recorded"] }))).toEqual({ dyad: ["no dyad FRA-XXX is recorded"] });
    expect(fieldMessagesOf(new Error("boom"))).toBeNull();
  });
});
