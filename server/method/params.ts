// Every tunable number of the relations index lives here, so /methodology can show them and
// every stored number can carry `METHOD.version`. Changing any value means a new entry in
// METHOD_VERSIONS (its date and reason); METHOD is always the newest entry.

export const LEVELS = [
  "HEAD_OF_STATE",
  "HEAD_OF_GOVERNMENT",
  "MINISTER",
  "AMBASSADOR",
  "LEGISLATURE",
  "NON_STATE",
] as const;
export const VERIFICATIONS = ["CONFIRMED", "REPORTED", "UNVERIFIED"] as const;
export const CONDITION_KINDS = [
  "RELATIONS_SEVERED",
  "AMBASSADOR_WITHDRAWN",
  "AIRSPACE_CLOSED",
  "ENERGY_ROUTE_CLOSED",
  "TRADE_ROUTE_CLOSED",
  "VISA_REGIME",
  "PARTNERSHIP_DECLARATION",
] as const;
export const DATE_PRECISIONS = ["DAY", "MONTH", "QUARTER", "SEASON", "YEAR"] as const;
export const OVERRIDE_KEYS = [
  "AMBASSADOR_RECALLED",
  "RELATIONS_SEVERED",
  "TERRITORIAL_RECOGNITION",
] as const;
export const BANDS = ["crisis", "tense", "mixed", "cordial", "strong_partnership"] as const;

// Same names as the Prisma enums.
export type Level = (typeof LEVELS)[number];
export type Verification = (typeof VERIFICATIONS)[number];
export type ConditionKind = (typeof CONDITION_KINDS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type OverrideKey = (typeof OVERRIDE_KEYS)[number];
export type Band = (typeof BANDS)[number];

/** Shape of a method; numbers are plain `number` so tests and what-if views can vary them. */
export interface MethodParams {
  version: string;
  /** h: a contribution halves every h days. */
  halfLifeDays: number;
  /** c: I = 100·tanh((k·B+P)/c); k·B+P = c gives I ≈ 76. */
  c: number;
  /** k: what one point of a standing condition weighs inside tanh, against one pulse unit. */
  conditionWeight: number;
  /** L by acting authority. */
  levelWeights: Record<Level, number>;
  /** V by sourcing. */
  verificationWeights: Record<Verification, number>;
  /** Default points per condition kind (a stored condition keeps its own points). */
  conditionPoints: Record<ConditionKind, number>;
  /** Named Goldstein overrides: replace G for events of this base code. */
  overrides: Record<OverrideKey, { cameoBase: string; goldstein: number; label: string }>;
  /**
   * Band boundaries. Convention: a boundary value belongs to the band farther from zero
   * (−60 is crisis, −20 tense, +20 cordial, +60 strong partnership), so the bands are
   * symmetric: bandOf(−x) mirrors bandOf(x). Bands are judged on the unrounded index.
   */
  bands: { crisisAtOrBelow: number; tenseAtOrBelow: number; cordialAtOrAbove: number; strongAtOrAbove: number };
  bandLabels: Record<Band, string>;
  /** Headline change windows, in days: I(t) − I(t−d). */
  changeWindowsDays: { short: number; long: number };
  /** Least-squares slope of I over `windowDays`, reported per `perDays`; "stable" when |slope| < stableBelow. */
  trend: { windowDays: number; perDays: number; stableBelow: number };
  /**
   * Unusual change: |I(T) − I(T−windowDays)| > sigmas × σ, where σ is the population standard
   * deviation of the dyad's earlier changes I(t) − I(t−windowDays) for every day t ≤ T − windowDays
   * (windows that end before the current one starts, so a jump cannot inflate its own baseline).
   * Needs at least `minSamples` earlier changes, and the change must be at least `minPoints`:
   * a perfectly flat history has σ = 0 and would otherwise flag any move, however tiny.
   */
  unusualChange: { windowDays: number; sigmas: number; minSamples: number; minPoints: number };
  /** A month's direction (the backtest's unit): |I(month end) − I(previous month end)| under this is "unchanged". */
  direction: { unchangedBelow: number };
}

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };
export type Method = DeepReadonly<MethodParams>;

function deepFreeze<T extends object>(value: T): DeepReadonly<T> {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

const V1: MethodParams = {
  version: "1.0.0",
  halfLifeDays: 45,
  c: 15,
  conditionWeight: 1,
  levelWeights: {
    HEAD_OF_STATE: 1.0, // head of state or monarch
    HEAD_OF_GOVERNMENT: 0.8, // head of government or foreign minister
    MINISTER: 0.6, // other minister, courts, security services
    AMBASSADOR: 0.5, // ambassador, embassy, multilateral vote
    LEGISLATURE: 0.4,
    NON_STATE: 0.25, // NGO or individual
  },
  verificationWeights: { CONFIRMED: 1, REPORTED: 0.7, UNVERIFIED: 0.4 },
  conditionPoints: {
    RELATIONS_SEVERED: -30,
    AMBASSADOR_WITHDRAWN: -10, // each side
    AIRSPACE_CLOSED: -5,
    ENERGY_ROUTE_CLOSED: -5,
    TRADE_ROUTE_CLOSED: -5,
    VISA_REGIME: -5,
    PARTNERSHIP_DECLARATION: 10,
  },
  overrides: {
    AMBASSADOR_RECALLED: { cameoBase: "161", goldstein: -6, label: "ambassador recalled or diplomats expelled" },
    RELATIONS_SEVERED: { cameoBase: "161", goldstein: -9, label: "diplomatic relations severed" },
    TERRITORIAL_RECOGNITION: { cameoBase: "054", goldstein: 7, label: "recognition of a core territorial claim" },
  },
  bands: { crisisAtOrBelow: -60, tenseAtOrBelow: -20, cordialAtOrAbove: 20, strongAtOrAbove: 60 },
  bandLabels: {
    crisis: "crisis",
    tense: "tense",
    mixed: "mixed",
    cordial: "cordial",
    strong_partnership: "strong partnership",
  },
  changeWindowsDays: { short: 30, long: 90 },
  trend: { windowDays: 90, perDays: 30, stableBelow: 5 },
  unusualChange: { windowDays: 30, sigmas: 2, minSamples: 90, minPoints: 1 },
  direction: { unchangedBelow: 2 },
};

// Conditions weigh half: under 1.0.0 a dyad with 40 points of conditions sat at −99, where a new
// event moved it by under a point (docs/validation.md has the backtest before and after).
const V2: MethodParams = { ...V1, version: "2.0.0", conditionWeight: 0.5 };

/** One published state of the method: its parameters, the day it took effect and why. */
export interface MethodRelease {
  method: Method;
  /** YYYY-MM-DD */
  released: string;
  reason: string;
}

/** Every published method, oldest first. Stored numbers name theirs by `method.version`. */
export const METHOD_VERSIONS: readonly DeepReadonly<MethodRelease>[] = deepFreeze([
  { method: V1, released: "2026-11-26", reason: "The first published method." },
  {
    method: V2,
    released: "2026-11-29",
    reason:
      "Standing conditions weigh half (k = 0.5): with full weight, dyads under several conditions sat at −99 and new events barely moved them; the backtest's agreement rose from 30 to 37 of 44 months.",
  },
]);

export const METHOD: Method = V2;

/** The release of a version, or undefined for a version never published. */
export function methodRelease(version: string): DeepReadonly<MethodRelease> | undefined {
  return METHOD_VERSIONS.find((r) => r.method.version === version);
}

/** The release before `version`: what the chart overlays and the backtest compares with. */
export function previousRelease(version: string): DeepReadonly<MethodRelease> | undefined {
  const at = METHOD_VERSIONS.findIndex((r) => r.method.version === version);
  return at > 0 ? METHOD_VERSIONS[at - 1] : undefined;
}

export interface ParameterChange {
  /** Dotted path of the parameter, e.g. "conditionWeight" or "levelWeights.MINISTER". */
  path: string;
  before: string;
  after: string;
}

/** The parameters a release changed against the one before it (its version number aside). */
export function changedParameters(before: Method, after: Method): ParameterChange[] {
  const changes: ParameterChange[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) walk(Reflect.get(a, k), Reflect.get(b, k), path ? `${path}.${k}` : k);
    } else if (a !== b && path !== "version") {
      changes.push({ path, before: String(a), after: String(b) });
    }
  };
  walk(before, after, "");
  return changes;
}

/**
 * How far the judgement parameters may plausibly be off (issue 19): the half-life anywhere in
 * [min, max] days, each level weight, verification weight and condition kind's points within
 * ±x of its value. The plausible range of every stored value comes from these, and the
 * sensitivity on /methodology moves each parameter by `sensitivityStep`. Part of the method:
 * changing them changes stored numbers.
 */
export interface ParamRanges {
  halfLifeDays: { min: number; max: number; /** values tried, spaced geometrically, plus h itself */ samples: number };
  levelWeights: number;
  verificationWeights: number;
  conditionPoints: number;
  sensitivityStep: number;
}

export type MethodRanges = DeepReadonly<ParamRanges>;

export const PARAM_RANGES: MethodRanges = deepFreeze<ParamRanges>({
  halfLifeDays: { min: 30, max: 90, samples: 7 },
  levelWeights: 0.25,
  verificationWeights: 0.25,
  conditionPoints: 0.25,
  sensitivityStep: 0.25,
});
