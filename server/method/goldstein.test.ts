import { describe, expect, it } from "vitest";
import { CAMEO_OPTIONS, cameoLabel, eventScore, goldsteinFor, isKnownCameoCode, OVERRIDES } from "./goldstein";
import { LEVELS, VERIFICATIONS } from "./params";

describe("goldsteinFor", () => {
  it("has every root value of methodology §1", () => {
    const roots: Record<string, number> = {
      "01": 0, "02": 3, "03": 4, "04": 1, "05": 3.5, "06": 6, "07": 7, "08": 5, "09": -2, "10": -5,
      "11": -2, "12": -4, "13": -6, "14": -6.5, "15": -7.2, "16": -4, "17": -7, "18": -9, "19": -10, "20": -10,
    };
    for (const [code, g] of Object.entries(roots)) expect(goldsteinFor(code), code).toBe(g);
  });

  it("has every sub-code methodology §1 lists", () => {
    const listed: Record<string, number> = {
      "026": 4, "031": 5.2, "036": 4, "041": 1, "042": 1.9, "043": 2.8, "046": 7, "051": 3.4, "054": 6,
      "057": 8, "061": 6.4, "064": 7, "081": 5, "0841": 7, "111": -2, "116": -2, "120": -4, "125": -5,
      "127": -5, "130": -4.4, "1313": -5.8, "139": -7, "161": -4, "163": -8, "166": -7, "172": -5,
      "173": -5, "174": -5, "180": -9, "1711": -9.2,
    };
    for (const [code, g] of Object.entries(listed)) expect(goldsteinFor(code), code).toBe(g);
  });

  it("falls back to the base code, then the root", () => {
    expect(goldsteinFor("0571")).toBe(8); // no 0571 → base 057
    expect(goldsteinFor("1399")).toBe(-7); // base 139 (−7), not root 13 (−6)
    expect(goldsteinFor("059")).toBe(3.5); // no 059 → root 05
    expect(goldsteinFor("0333")).toBe(5.2); // listed itself (GDELT table), not root 03's 4.0
    expect(goldsteinFor(" 057 ")).toBe(8);
  });

  it("returns null for malformed codes and unknown roots", () => {
    for (const bad of ["", "5", "21", "219", "05711", "abc", "05a"]) expect(goldsteinFor(bad), bad).toBeNull();
  });
});

describe("isKnownCameoCode and labels", () => {
  it("knows exactly the 311 codebook codes", () => {
    expect(CAMEO_OPTIONS).toHaveLength(311);
    expect(isKnownCameoCode("057")).toBe(true);
    expect(isKnownCameoCode("1123")).toBe(true);
    expect(isKnownCameoCode("0571")).toBe(false);
    expect(isKnownCameoCode("059")).toBe(false);
  });

  it("labels codes for forms", () => {
    expect(cameoLabel("057")).toBe("057 sign formal agreement");
    expect(cameoLabel("05")).toBe("05 engage in diplomatic cooperation");
    expect(cameoLabel("010")).toBe("010 make statement");
    expect(cameoLabel("0571")).toBe("0571 sign formal agreement");
    expect(cameoLabel("99")).toBeNull();
  });
});

describe("eventScore", () => {
  it("applies every level weight (057, G = 8, confirmed)", () => {
    // 8 × {1, 0.8, 0.6, 0.5, 0.4, 0.25}
    const expected = [8, 6.4, 4.8, 4, 3.2, 2];
    expect(LEVELS).toHaveLength(expected.length);
    LEVELS.forEach((level, i) => {
      const r = eventScore({ cameoCode: "057", level, verification: "CONFIRMED" });
      expect(r.s, level).toBeCloseTo(expected[i] ?? NaN, 12);
      expect(r.gSource).toBe("table");
    });
  });

  it("applies every verification weight (057, head of state)", () => {
    // 8 × {1, 0.7, 0.4}
    const expected = [8, 5.6, 3.2];
    expect(VERIFICATIONS).toHaveLength(expected.length);
    VERIFICATIONS.forEach((verification, i) => {
      const r = eventScore({ cameoCode: "057", level: "HEAD_OF_STATE", verification });
      expect(r.v).toBe([1, 0.7, 0.4][i]);
      expect(r.s, verification).toBeCloseTo(expected[i] ?? NaN, 12);
    });
  });

  it("replaces G with a named override", () => {
    // Lamamra severs relations, 24 Aug 2021: −9 × 0.8 × 1 = −7.2
    const severed = eventScore({ cameoCode: "161", overrideKey: "RELATIONS_SEVERED", level: "HEAD_OF_GOVERNMENT", verification: "CONFIRMED" });
    expect(severed).toEqual({ g: -9, l: 0.8, v: 1, s: expect.closeTo(-7.2, 12), gSource: "named_override" });
    // Recall: −6 × 1 × 0.7 = −4.2
    expect(eventScore({ cameoCode: "161", overrideKey: "AMBASSADOR_RECALLED", level: "HEAD_OF_STATE", verification: "REPORTED" }).s).toBeCloseTo(-4.2, 12);
    // Recognition of a territorial claim: +7 × 1 × 1 = 7
    expect(eventScore({ cameoCode: "054", overrideKey: "TERRITORIAL_RECOGNITION", level: "HEAD_OF_STATE", verification: "CONFIRMED" }).g).toBe(7);
    expect(OVERRIDES.AMBASSADOR_RECALLED.goldstein).toBe(-6);
  });

  it("lets an admin's manual G win over table and named override", () => {
    // 2.5 × 0.6 × 0.4 = 0.6
    const r = eventScore({ cameoCode: "161", overrideKey: "RELATIONS_SEVERED", scoreOverride: 2.5, level: "MINISTER", verification: "UNVERIFIED" });
    expect(r.g).toBe(2.5);
    expect(r.s).toBeCloseTo(0.6, 12);
    expect(r.gSource).toBe("manual");
  });

  it("rejects what validation should have caught", () => {
    expect(() => eventScore({ cameoCode: "057", overrideKey: "RELATIONS_SEVERED", level: "HEAD_OF_STATE", verification: "CONFIRMED" })).toThrow(RangeError);
    expect(() => eventScore({ cameoCode: "99", level: "HEAD_OF_STATE", verification: "CONFIRMED" })).toThrow(RangeError);
    expect(() => eventScore({ cameoCode: "057", scoreOverride: 11, level: "HEAD_OF_STATE", verification: "CONFIRMED" })).toThrow(RangeError);
  });
});
