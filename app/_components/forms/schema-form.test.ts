import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { messageAt } from "./form-fields";
import { showServerErrors } from "./schema-form";

const apiError = (message: string, fieldErrors: Record<string, string[]> | null) =>
  TRPCClientError.from({ error: { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors, conflict: null } } });

function collect() {
  const set: Record<string, string | undefined> = {};
  return { set, setError: (name: string, error: { message?: string }) => void (set[name] = error.message) };
}

describe("showServerErrors", () => {
  it("puts each field message on its field, an update's data. prefix dropped, and leaves the top to the fields", () => {
    const { set, setError } = collect();
    expect(showServerErrors(apiError("[json dump]", { "data.title": ["at most 220 characters"], "sources.0.url": ["not a link", "second"] }), setError)).toBeUndefined();
    expect(set).toEqual({ title: "at most 220 characters", "sources.0.url": "not a link" });
  });

  it("returns the server's message when no field is named", () => {
    const { set, setError } = collect();
    expect(showServerErrors(apiError("Wrong email or password.", null), setError)).toBe("Wrong email or password.");
    expect(set).toEqual({});
  });

  it("says something even for a failure that is not the API's", () => {
    const { setError } = collect();
    expect(showServerErrors(new Error("offline"), setError)).toBe("offline");
    expect(showServerErrors("??", setError)).toBe("Something went wrong. Try again.");
  });
});

describe("messageAt", () => {
  it("finds a message by its dotted path, in repeated rows too", () => {
    const errors = { title: { message: "Enter a title." }, amounts: [undefined, { currency: { message: "money needs a currency" } }] };
    expect(messageAt(errors, "title")).toBe("Enter a title.");
    expect(messageAt(errors, "amounts.1.currency")).toBe("money needs a currency");
    expect(messageAt(errors, "amounts.0.currency")).toBeUndefined();
    expect(messageAt(errors, "summary")).toBeUndefined();
  });
});
