import { describe, expect, it } from "vitest";
import { changedParameters, CONDITION_KINDS, DATE_PRECISIONS, LEVELS, METHOD, METHOD_VERSIONS, methodRelease, previousRelease, VERIFICATIONS } from "./params";

describe("METHOD", () => {
  it("carries the published version and defaults", () => {
    expect(METHOD.version).toBe("2.0.0");
    expect(METHOD.conditionWeight).toBe(0.5);
    expect(METHOD.direction).toEqual({ unchangedBelow: 2 });
    expect(METHOD.halfLifeDays).toBe(45);
    expect(METHOD.c).toBe(15);
    expect(METHOD.trend).toEqual({ windowDays: 90, perDays: 30, stableBelow: 5 });
    expect(METHOD.unusualChange.sigmas).toBe(2);
  });

  it("has the methodology's weights and points, keyed like the Prisma enums", () => {
    expect(METHOD.levelWeights).toEqual({
      HEAD_OF_STATE: 1,
      HEAD_OF_GOVERNMENT: 0.8,
      MINISTER: 0.6,
      AMBASSADOR: 0.5,
      LEGISLATURE: 0.4,
      NON_STATE: 0.25,
    });
    expect(METHOD.verificationWeights).toEqual({ CONFIRMED: 1, REPORTED: 0.7, UNVERIFIED: 0.4 });
    expect(METHOD.conditionPoints).toEqual({
      RELATIONS_SEVERED: -30,
      AMBASSADOR_WITHDRAWN: -10,
      AIRSPACE_CLOSED: -5,
      ENERGY_ROUTE_CLOSED: -5,
      TRADE_ROUTE_CLOSED: -5,
      VISA_REGIME: -5,
      PARTNERSHIP_DECLARATION: 10,
    });
    expect(Object.keys(METHOD.levelWeights)).toEqual([...LEVELS]);
    expect(Object.keys(METHOD.verificationWeights)).toEqual([...VERIFICATIONS]);
    expect(Object.keys(METHOD.conditionPoints)).toEqual([...CONDITION_KINDS]);
    expect(DATE_PRECISIONS).toEqual(["DAY", "MONTH", "QUARTER", "SEASON", "YEAR"]);
  });

  it("keeps 1.0.0 as published: conditions at full weight, everything else as now", () => {
    const first = methodRelease("1.0.0")?.method;
    expect(first?.conditionWeight).toBe(1);
    expect({ ...first, version: "2.0.0", conditionWeight: 0.5 }).toEqual(METHOD);
  });

  it("is frozen all the way down", () => {
    expect(Object.isFrozen(METHOD)).toBe(true);
    expect(Object.isFrozen(METHOD.levelWeights)).toBe(true);
    expect(Object.isFrozen(METHOD.overrides.RELATIONS_SEVERED)).toBe(true);
  });
});

describe("METHOD_VERSIONS", () => {
  it("ends with the current method: what every new number is computed with", () => {
    expect(METHOD_VERSIONS.at(-1)?.method).toBe(METHOD);
    expect(methodRelease(METHOD.version)?.method).toBe(METHOD);
    expect(methodRelease("0.9.0")).toBeUndefined();
  });

  it("gives each release a unique version, a date in order and a reason", () => {
    const versions = METHOD_VERSIONS.map((r) => r.method.version);
    expect(new Set(versions).size).toBe(versions.length);
    const dates = METHOD_VERSIONS.map((r) => r.released);
    for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([...dates].sort()).toEqual(dates);
    for (const r of METHOD_VERSIONS) expect(r.reason.length).toBeGreaterThan(10);
  });

  it("makes every release change at least one parameter of the one before", () => {
    METHOD_VERSIONS.forEach((release, i) => {
      const before = METHOD_VERSIONS[i - 1];
      if (!before) return;
      const { version: _v, ...now } = release.method;
      const { version: _w, ...then } = before.method;
      expect(now).not.toEqual(then);
      expect(changedParameters(before.method, release.method).length).toBeGreaterThan(0);
      expect(previousRelease(release.method.version)).toBe(before);
    });
    expect(previousRelease(METHOD_VERSIONS[0]?.method.version ?? "")).toBeUndefined();
  });
});

describe("changedParameters", () => {
  it("names each changed number by its path, nested ones included, and ignores the version", () => {
    const next = { ...METHOD, version: "9.9.9", halfLifeDays: 60, levelWeights: { ...METHOD.levelWeights, MINISTER: 0.5 } };
    expect(changedParameters(METHOD, next)).toEqual([
      { path: "halfLifeDays", before: "45", after: "60" },
      { path: "levelWeights.MINISTER", before: "0.6", after: "0.5" },
    ]);
    expect(changedParameters(METHOD, METHOD)).toEqual([]);
  });

  it("says what 2.0.0 changed: the condition weight only", () => {
    const first = methodRelease("1.0.0")?.method;
    expect(first && changedParameters(first, METHOD)).toEqual([{ path: "conditionWeight", before: "1", after: "0.5" }]);
  });
});
