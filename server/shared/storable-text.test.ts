import { describe, expect, it } from "vitest";
import { isStorableText, pathOfUnstorableText } from "./storable-text";

describe("pathOfUnstorableText", () => {
  it("finds a NUL or an unpaired surrogate in a nested string, list item or key", () => {
    expect(pathOfUnstorableText({ data: { sources: [{ title: "ok" }, { title: "a\u0000b" }] } })).toEqual(["data", "sources", "1", "title"]);
    expect(pathOfUnstorableText({ state: { sectors: ["\ud800"] } })).toEqual(["state", "sectors", "0"]);
    expect(pathOfUnstorableText({ ["k\udfff"]: 1 })).toEqual(["k\udfff"]);
    expect(pathOfUnstorableText("\u0000")).toEqual([]);
  });

  it("passes everything else: other control characters, RTL marks, emoji (paired surrogates)", () => {
    expect(pathOfUnstorableText({ name: "\u0001\u202e👨‍👩‍👧 🇫🇷", n: 0, list: [null, true], nested: { deep: ["x"] } })).toBeNull();
    expect(pathOfUnstorableText(undefined)).toBeNull();
    expect(isStorableText("a\ud83d\ude00b")).toBe(true);
    expect(isStorableText("a\ude00\ud83db")).toBe(false);
  });
});
