import { describe, expect, it } from "vitest";
import { CAMEO_TABLE } from "./cameo-table";
import { CONDITION_KINDS, OVERRIDE_KEYS } from "./params";
import { STANDING_RULES, STILL_IN_FORCE_CHECK_DAYS, standingRuleFor, wantsStillInForceCheck } from "./standing";

describe("standing rules: which events open or end a condition", () => {
  it("a recall (161) opens an ambassador withdrawn, held by the recalling side", () => {
    expect(standingRuleFor({ cameoCode: "161" })).toMatchObject({ effect: "opens", kinds: ["AMBASSADOR_WITHDRAWN"], holder: "actor" });
    expect(standingRuleFor({ cameoCode: "161", overrideKey: "AMBASSADOR_RECALLED" })).toMatchObject({ effect: "opens", kinds: ["AMBASSADOR_WITHDRAWN"], holder: "actor" });
  });

  it("161 with the relations-severed override opens relations severed, held by both", () => {
    expect(standingRuleFor({ cameoCode: "161", overrideKey: "RELATIONS_SEVERED" })).toMatchObject({ effect: "opens", kinds: ["RELATIONS_SEVERED"], holder: "both" });
  });

  it("ending types close the matching kinds, the severed relations before the ambassador", () => {
    expect(standingRuleFor({ cameoCode: "054" })).toMatchObject({ effect: "ends", kinds: ["RELATIONS_SEVERED", "AMBASSADOR_WITHDRAWN"] });
    expect(standingRuleFor({ cameoCode: "081" })).toMatchObject({ effect: "ends", kinds: ["VISA_REGIME"] });
    expect(standingRuleFor({ cameoCode: "0872" })).toMatchObject({ effect: "ends", kinds: ["AIRSPACE_CLOSED", "TRADE_ROUTE_CLOSED"] });
  });

  it("a territorial recognition under 054 and unmapped or more specific codes propose nothing", () => {
    expect(standingRuleFor({ cameoCode: "054", overrideKey: "TERRITORIAL_RECOGNITION" })).toBeNull();
    expect(standingRuleFor({ cameoCode: "042" })).toBeNull();
    expect(standingRuleFor({ cameoCode: "1721" })).toBeNull();
  });

  it("every row names a CAMEO code of the table, known kinds and overrides, and no two rows match the same event", () => {
    const codes = new Set(CAMEO_TABLE.map(([code]) => code));
    expect(STANDING_RULES.filter((r) => !codes.has(r.cameoCode))).toEqual([]);
    expect(STANDING_RULES.filter((r) => r.kinds.length === 0 || (r.effect === "opens" && r.kinds.length !== 1))).toEqual([]);
    expect(STANDING_RULES.flatMap((r) => r.kinds).filter((k) => !CONDITION_KINDS.includes(k))).toEqual([]);
    expect(STANDING_RULES.flatMap((r) => (r.overrideKey ? [r.overrideKey] : [])).filter((k) => !OVERRIDE_KEYS.includes(k))).toEqual([]);
    const keys = STANDING_RULES.map((r) => `${r.cameoCode}/${r.overrideKey ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("each of the brief's openings has its ending", () => {
    const opened = new Set(STANDING_RULES.filter((r) => r.effect === "opens").flatMap((r) => r.kinds));
    const ended = new Set(STANDING_RULES.filter((r) => r.effect === "ends").flatMap((r) => r.kinds));
    expect([...opened].filter((k) => !ended.has(k))).toEqual([]);
  });
});

describe("still in force? check", () => {
  const today = 20_000;
  const year = STILL_IN_FORCE_CHECK_DAYS;

  it("flags a condition in force over a year with no linked event since its start", () => {
    expect(wantsStillInForceCheck({ startDay: today - year - 1, endDay: null, lastLinkedEventDay: null }, today)).toBe(true);
    expect(wantsStillInForceCheck({ startDay: today - year, endDay: null, lastLinkedEventDay: null }, today)).toBe(false);
  });

  it("a linked event within the year clears the flag; an old one does not", () => {
    expect(wantsStillInForceCheck({ startDay: today - 3 * year, endDay: null, lastLinkedEventDay: today - 30 }, today)).toBe(false);
    expect(wantsStillInForceCheck({ startDay: today - 3 * year, endDay: null, lastLinkedEventDay: today - year - 1 }, today)).toBe(true);
  });

  it("a condition that ended or has not started is never flagged; one ending later still is", () => {
    expect(wantsStillInForceCheck({ startDay: today - 3 * year, endDay: today - 1, lastLinkedEventDay: null }, today)).toBe(false);
    expect(wantsStillInForceCheck({ startDay: today + 1, endDay: null, lastLinkedEventDay: null }, today)).toBe(false);
    expect(wantsStillInForceCheck({ startDay: today - 3 * year, endDay: today + 10, lastLinkedEventDay: null }, today)).toBe(true);
  });
});
