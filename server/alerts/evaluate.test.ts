import { describe, expect, it } from "vitest";
import { agreementCause, causeOf, conditionDayCause, cooledDown, eventScoreCause, groupCauses, mayFireRecordRule, type DyadMove, type RecordWritten } from "./evaluate";
import { bandOf } from "../method/index-math";
import { causeInEnglish } from "./cause-language";
import type { CauseSaid } from "./cause-words";

/** A cause as stored beside its key and arguments: its English sentence. */
const say = (cause: CauseSaid | null) => (cause ? causeInEnglish(cause) : null);

const move = (before: number | null, after: number | null, unusualBefore = false, unusualAfter = false): DyadMove => ({ dyadId: "d", before, after, unusualBefore, unusualAfter });
const band = { kind: "BAND_CHANGE", threshold: null, days: null } as const;
const moveBy = (threshold: number, days = 7) => ({ kind: "MOVE", threshold, days }) as const;

describe("causeOf", () => {
  it("BAND_CHANGE fires only when the band differs, naming both", () => {
    expect(say(causeOf(band, move(0, 0.5)))).toBeNull();
    const deep = -90;
    expect(bandOf(deep)).not.toBe(bandOf(0));
    expect(say(causeOf(band, move(0, deep)))).toMatch(new RegExp(`^Band changed from ${bandOf(0).replace("_", " ")} to ${bandOf(deep).replace("_", " ")}`));
  });

  it("BAND_CHANGE treats the first data and the last data removed as a change", () => {
    expect(say(causeOf(band, move(null, 3)))).toMatch(/from no data to/);
    expect(say(causeOf(band, move(3, null)))).toMatch(/to no data/);
    expect(say(causeOf(band, move(null, null)))).toBeNull();
  });

  it("MOVE fires when this change carries the move across the threshold, either way", () => {
    expect(say(causeOf(moveBy(10), move(5, 12), 0))).toMatch(/moved \+12\.0 points within 7 days/);
    expect(say(causeOf(moveBy(10), move(-5, -10), 0))).toMatch(/moved −10\.0 points/);
    expect(say(causeOf(moveBy(10), move(5, 9.9), 0))).toBeNull();
    // Already beyond the threshold before this change: it fired then, not again.
    expect(say(causeOf(moveBy(10), move(11, 15), 0))).toBeNull();
  });

  it("MOVE needs a past value and its terms", () => {
    expect(say(causeOf(moveBy(10), move(0, 50), null))).toBeNull();
    expect(say(causeOf({ kind: "MOVE", threshold: null, days: null }, move(0, 50), 0))).toBeNull();
    expect(say(causeOf(moveBy(10), move(0, null), 0))).toBeNull();
  });

  it("CONDITION fires on a condition's start or end day, not on a write that moves the index", () => {
    const rule = { kind: "CONDITION", threshold: null, days: null } as const;
    expect(say(causeOf(rule, move(0, -40)))).toBeNull();
    expect(say(conditionDayCause("Border closed", true))).toBe("A standing condition starts today: Border closed.");
    expect(say(conditionDayCause("Border closed", false))).toMatch(/ends today/);
  });
});

describe("UNUSUAL", () => {
  const rule = { kind: "UNUSUAL", threshold: null, days: null } as const;
  it("fires when this change turns the unusual-change flag on, not while it stays on or when it goes off", () => {
    expect(say(causeOf(rule, move(10, 40, false, true)))).toMatch(/^Unusual change flagged: the index is at 40\.0/);
    expect(say(causeOf(rule, move(40, 45, true, true)))).toBeNull();
    expect(say(causeOf(rule, move(40, 10, true, false)))).toBeNull();
    expect(say(causeOf(rule, move(10, 12)))).toBeNull();
  });
  it("other kinds ignore the flag", () => {
    expect(say(causeOf(band, move(10, 10.5, false, true)))).toBeNull();
  });
});

describe("EVENT_SCORE", () => {
  const rule = { dyadId: "d", threshold: 7 };
  const event = (goldstein: number, over: Partial<RecordWritten> = {}): RecordWritten => ({ entity: "Event", action: "CREATE", dyadId: "d", goldstein, ...over });
  it("fires on a new event in its dyad whose |score| reaches the threshold, either sign", () => {
    expect(say(eventScoreCause(rule, event(-8), "Recall"))).toBe("New event with Goldstein score −8.0 (at least ±7): Recall.");
    expect(say(eventScoreCause(rule, event(7), "Visit"))).toMatch(/\+7\.0/);
    expect(say(eventScoreCause(rule, event(6.9), "Visit"))).toBeNull();
  });
  it("ignores edits, archives, other dyads and other records", () => {
    expect(say(eventScoreCause(rule, event(-9, { action: "UPDATE" }), "x"))).toBeNull();
    expect(say(eventScoreCause(rule, event(-9, { action: "RESTORE" }), "x"))).toBeNull();
    expect(say(eventScoreCause(rule, event(-9, { dyadId: "other" }), "x"))).toBeNull();
    expect(say(eventScoreCause(rule, event(-9, { entity: "Condition" }), "x"))).toBeNull();
    expect(say(eventScoreCause({ dyadId: "d", threshold: null }, event(-9), "x"))).toBeNull();
  });
});

describe("mayFireRecordRule", () => {
  const record = (entity: string, action: RecordWritten["action"], goldstein: number | null = null): RecordWritten => ({ entity, action, dyadId: null, goldstein });
  it("keeps new events and agreements recorded, edited or restored; drops the rest from the outbox", () => {
    expect(mayFireRecordRule(record("Event", "CREATE", 3))).toBe(true);
    expect(mayFireRecordRule(record("Event", "UPDATE", 3))).toBe(false);
    expect(mayFireRecordRule(record("Event", "CREATE"))).toBe(false);
    for (const action of ["CREATE", "UPDATE", "RESTORE"] as const) expect(mayFireRecordRule(record("Agreement", action))).toBe(true);
    expect(mayFireRecordRule(record("Agreement", "ARCHIVE"))).toBe(false);
    expect(mayFireRecordRule(record("Condition", "CREATE"))).toBe(false);
  });
  it("says whether an agreement is new or changed", () => {
    expect(say(agreementCause(record("Agreement", "CREATE"), "Rail MoU", "sector rail"))).toBe("New agreement for your filter (sector rail): Rail MoU.");
    expect(say(agreementCause(record("Agreement", "UPDATE"), "Rail MoU", "sector rail"))).toMatch(/^Agreement changed for your filter/);
  });
});

describe("cooledDown", () => {
  const at = new Date("2026-11-29T12:00:00Z");
  const minutesBefore = (m: number) => new Date(at.getTime() - m * 60_000);
  it("lets a rule that never fired fire", () => expect(cooledDown({ lastFiredAt: null, cooldownMinutes: 60 }, at)).toBe(true));
  it("holds a rule inside its cooldown, releases it at the end", () => {
    expect(cooledDown({ lastFiredAt: minutesBefore(59), cooldownMinutes: 60 }, at)).toBe(false);
    expect(cooledDown({ lastFiredAt: minutesBefore(60), cooldownMinutes: 60 }, at)).toBe(true);
    expect(cooledDown({ lastFiredAt: at, cooldownMinutes: 0 }, at)).toBe(true);
  });
});

describe("groupCauses", () => {
  it("keeps one cause as it is and counts several", () => {
    expect(groupCauses(["A."])).toBe("A.");
    expect(groupCauses(["A.", "B."])).toBe("2 changes: A. B.");
  });
});
