import { describe, expect, it } from "vitest";
import { placesFrom } from "./places";

const places = placesFrom({ country: (code) => `country ${code}`, band: (band) => `band ${band}`, statusNote: (code) => `note ${code}` });

describe("a country's status note", () => {
  it("reads in the reader's words when the messages translate it, and stays none when there is none", () => {
    expect(places.statusNote({ code: "ESH", statusNote: "Non-self-governing territory." })).toBe("note ESH");
    expect(places.statusNote({ code: "ESH", statusNote: null })).toBeNull();
  });

  it("keeps the stored note of a country the messages do not translate", () => {
    expect(places.statusNote({ code: "MAR", statusNote: "As stored." })).toBe("As stored.");
    expect(places.statusNote({ code: "XYZ", statusNote: "As stored." })).toBe("As stored.");
  });
});
