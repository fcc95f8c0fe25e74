// The event form's rules, as the form and the API both apply them.
import { describe, expect, it } from "vitest";
import { eventInputFixture } from "@/prisma/seed/factories";
import { eventInput } from "./schemas";

// Every rule checked against an otherwise valid event, so only the changed field can fail.
const valid = { ...eventInputFixture(), date: "2025-04-15" };

const fieldErrorsOf = (input: unknown) => {
  const result = eventInput.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("event input rules", () => {
  it("accepts a complete event and normalises the dyad key", () => {
    expect(eventInput.parse(valid).dyad).toBe("DZA-FRA");
  });

  it.each([
    ["empty title", { title: "" }, "title"],
    ["over-long title", { title: "x".repeat(201) }, "title"],
    ["javascript: source", { sources: [{ publisher: "p", title: "t", url: "javascript:alert(1)" }] }, "sources.0.url"],
    ["score off the scale", { scoreOverride: 11, overrideReason: "because of reasons" }, "scoreOverride"],
    ["override without a reason", { scoreOverride: -3 }, "overrideReason"],
    ["actor outside the dyad", { actor: "MAR" }, "actor"],
    ["not a calendar day", { date: "2025-02-30" }, "date"],
    ["unknown event type", { cameoCode: "999" }, "cameoCode"],
    ["override on the wrong type", { cameoCode: "042" }, "overrideKey"],
  ])("refuses %s with a message on the field", (_label, change, field) => {
    expect(fieldErrorsOf({ ...valid, ...change })[field]).toBeTruthy();
  });
});

