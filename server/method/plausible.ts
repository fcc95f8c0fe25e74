// How sure a value is (issue 19): its plausible range, the lowest and highest I(t) the method
// gives when its judgement parameters move within PARAM_RANGES, and the sensitivity of today's
// value to each parameter. Pure and cheap:
// - for a fixed half-life I rises with B + P, B is linear in each condition kind's factor and P is
//   bilinear in the level and verification factors: the extremes sit at corners, found exactly
//   (each level's factor at the end its sign asks for, for each of the 8 verification corners);
// - I is not monotone in the half-life (old and new events of opposite signs): h is sampled.
// The rollup writer stores each day's range beside its value (server/relations/rollup.ts).
import { indexValue, isInForce, ledgerSteps, weightedLedger, type IndexCondition } from "./index-math";
import {
  CONDITION_KINDS,
  LEVELS,
  METHOD,
  PARAM_RANGES,
  VERIFICATIONS,
  type ConditionKind,
  type Level,
  type Method,
  type MethodRanges,
  type Verification,
} from "./params";

/** Σ s of one day's live events of one level and verification: what the range needs of events. */
export interface CellTotal {
  day: number;
  level: Level;
  verification: Verification;
  sum: number;
}

export interface PlausibleRange {
  low: number;
  high: number;
}

const LEVEL_INDEX = Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<Level, number>;
const VERIFICATION_INDEX = Object.fromEntries(VERIFICATIONS.map((v, i) => [v, i])) as Record<Verification, number>;
const CELLS = LEVELS.length * VERIFICATIONS.length;
const cellOf = (c: CellTotal) => LEVEL_INDEX[c.level] * VERIFICATIONS.length + VERIFICATION_INDEX[c.verification];

/**
 * A day's range counts the events placed from its block's first day minus the horizon on: at the
 * longest half-life an older event keeps under a thousandth of its weight. Fixed blocks make a
 * refresh from any day give the very numbers a rebuild gives.
 */
export const PLAUSIBLE_BLOCK_DAYS = 365;

export const plausibleHorizonDays = (method: Method = METHOD, ranges: MethodRanges = PARAM_RANGES) =>
  Math.ceil(10 * Math.max(ranges.halfLifeDays.max, method.halfLifeDays));

const blockStart = (day: number) => day - (((day % PLAUSIBLE_BLOCK_DAYS) + PLAUSIBLE_BLOCK_DAYS) % PLAUSIBLE_BLOCK_DAYS);

/** The first day whose events plausibleRanges needs to give the ranges from `fromDay` on. */
export function plausibleEventsFrom(fromDay: number, method: Method = METHOD, ranges: MethodRanges = PARAM_RANGES): number {
  return blockStart(fromDay) - plausibleHorizonDays(method, ranges);
}

/** The half-lives tried: `samples` spaced geometrically over the range, and the method's own. */
export function halfLivesTried(method: Method = METHOD, ranges: MethodRanges = PARAM_RANGES): number[] {
  const { min, max, samples } = ranges.halfLifeDays;
  const n = Math.max(1, Math.round(samples));
  const tried = [method.halfLifeDays];
  for (let i = 0; i < n; i++) tried.push(n === 1 ? min : min * Math.pow(max / min, i / (n - 1)));
  return [...new Set(tried)].sort((a, b) => a - b);
}

/** The running ledger of each condition kind over fromDay..toDay. */
function ledgersByKind(conditions: readonly IndexCondition[], fromDay: number, toDay: number): Float64Array[] {
  return CONDITION_KINDS.flatMap((kind) => {
    const ofKind = conditions.filter((c) => c.kind === kind);
    if (ofKind.length === 0) return [];
    const steps = ledgerSteps(ofKind, fromDay, toDay);
    const ledger = new Float64Array(toDay - fromDay + 1);
    let sum = 0;
    for (let i = 0; i < ledger.length; i++) ledger[i] = sum += steps[i] ?? 0;
    return [ledger];
  });
}

/**
 * The plausible range of I on each day fromDay..toDay (one entry per day). `cells` must hold
 * every day from plausibleEventsFrom(fromDay) to toDay. The loops are flat and allocate nothing
 * per day: the rollup writer runs them over a dyad's whole history on a rebuild.
 */
export function plausibleRanges(input: {
  cells: readonly CellTotal[];
  conditions: readonly IndexCondition[];
  fromDay: number;
  toDay: number;
  method?: Method;
  ranges?: MethodRanges;
}): PlausibleRange[] {
  const { cells, conditions, fromDay, toDay, method = METHOD, ranges = PARAM_RANGES } = input;
  if (toDay < fromDay) return [];
  const byDay = new Map<number, CellTotal[]>();
  const levelUsed = new Array<boolean>(LEVELS.length).fill(false);
  for (const c of cells) {
    const list = byDay.get(c.day);
    if (list) list.push(c);
    else byDay.set(c.day, [c]);
    levelUsed[LEVEL_INDEX[c.level]] = true;
  }
  const levels = levelUsed.flatMap((used, l) => (used ? [l] : []));
  const v = VERIFICATIONS.length;
  const corners = 1 << v;
  // The verification factors of each corner of their box, and the level factors' two ends.
  const cornerFactors = new Float64Array(corners * v);
  for (let corner = 0; corner < corners; corner++) {
    for (let j = 0; j < v; j++) cornerFactors[corner * v + j] = (corner >> j) & 1 ? 1 + ranges.verificationWeights : 1 - ranges.verificationWeights;
  }
  const levelLow = 1 - ranges.levelWeights;
  const levelHigh = 1 + ranges.levelWeights;
  const pointsLow = 1 - ranges.conditionPoints;
  const pointsHigh = 1 + ranges.conditionPoints;

  const ledgers = ledgersByKind(conditions, fromDay, toDay);
  const halfLives = halfLivesTried(method, ranges);
  const decays = halfLives.map((h) => Math.pow(2, -1 / h));
  const horizon = plausibleHorizonDays(method, ranges);
  const out = new Array<PlausibleRange>(toDay - fromDay + 1);
  const pulses = new Float64Array(halfLives.length * CELLS);

  for (let start = blockStart(fromDay); start <= toDay; start += PLAUSIBLE_BLOCK_DAYS) {
    const emitFrom = Math.max(start, fromDay);
    const emitTo = Math.min(start + PLAUSIBLE_BLOCK_DAYS - 1, toDay);
    pulses.fill(0);
    for (let day = start - horizon; day <= emitTo; day++) {
      const todays = byDay.get(day);
      for (let k = 0; k < halfLives.length; k++) {
        const d = decays[k] ?? 1;
        const base = k * CELLS;
        for (const l of levels) for (let j = 0; j < v; j++) pulses[base + l * v + j] = (pulses[base + l * v + j] ?? 0) * d;
        if (todays) for (const c of todays) pulses[base + cellOf(c)] = (pulses[base + cellOf(c)] ?? 0) + c.sum;
      }
      if (day < emitFrom) continue;
      const i = day - fromDay;
      let ledgerLow = 0;
      let ledgerHigh = 0;
      for (const ledger of ledgers) {
        const b = ledger[i] ?? 0;
        ledgerLow += Math.min(b * pointsLow, b * pointsHigh);
        ledgerHigh += Math.max(b * pointsLow, b * pointsHigh);
      }
      let low = Infinity;
      let high = -Infinity;
      for (let k = 0; k < halfLives.length; k++) {
        // Lowest and highest P: exact over the box of level and verification factors (see the top).
        const base = k * CELLS;
        let pulseLow = Infinity;
        let pulseHigh = -Infinity;
        for (let corner = 0; corner < corners; corner++) {
          let lo = 0;
          let hi = 0;
          for (const l of levels) {
            let sum = 0;
            for (let j = 0; j < v; j++) sum += (pulses[base + l * v + j] ?? 0) * (cornerFactors[corner * v + j] ?? 1);
            lo += Math.min(sum * levelLow, sum * levelHigh);
            hi += Math.max(sum * levelLow, sum * levelHigh);
          }
          if (lo < pulseLow) pulseLow = lo;
          if (hi > pulseHigh) pulseHigh = hi;
        }
        if (levels.length === 0) pulseLow = pulseHigh = 0;
        low = Math.min(low, indexValue(ledgerLow, pulseLow, method));
        high = Math.max(high, indexValue(ledgerHigh, pulseHigh, method));
      }
      out[i] = { low, high };
    }
  }
  return out;
}

/** A day's range widened to hold the value the rollup computed over the whole history. */
export const holding = (range: PlausibleRange, value: number): PlausibleRange => ({
  low: Math.min(range.low, value),
  high: Math.max(range.high, value),
});

/**
 * One event's weight today over the ranges, s · f · 2^(−age/h): its level and verification
 * factors f at both ends, h at both ends (monotone in each, so two corners suffice).
 */
export function contributionRange(score: number, ageDays: number, method: Method = METHOD, ranges: MethodRanges = PARAM_RANGES): PlausibleRange {
  const longest = Math.max(ranges.halfLifeDays.max, method.halfLifeDays);
  const shortest = Math.min(ranges.halfLifeDays.min, method.halfLifeDays);
  const most = score * (1 + ranges.levelWeights) * (1 + ranges.verificationWeights) * Math.pow(2, -ageDays / longest);
  const least = score * (1 - ranges.levelWeights) * (1 - ranges.verificationWeights) * Math.pow(2, -ageDays / shortest);
  return { low: Math.min(most, least), high: Math.max(most, least) };
}

/** Multipliers of the method's parameters; a missing one is 1. */
export interface ParamFactors {
  halfLifeDays?: number;
  c?: number;
  conditionWeight?: number;
  levelWeights?: Partial<Record<Level, number>>;
  verificationWeights?: Partial<Record<Verification, number>>;
  conditionPoints?: Partial<Record<ConditionKind, number>>;
}

/** I(today) with the method's parameters multiplied by `factors`, from the day cells (no rollup). */
export function indexUnder(input: {
  cells: readonly CellTotal[];
  conditions: readonly IndexCondition[];
  today: number;
  factors?: ParamFactors;
  method?: Method;
}): number {
  const { cells, conditions, today, factors = {}, method = METHOD } = input;
  const h = method.halfLifeDays * (factors.halfLifeDays ?? 1);
  let pulse = 0;
  for (const c of cells) {
    if (c.day > today) continue;
    const f = (factors.levelWeights?.[c.level] ?? 1) * (factors.verificationWeights?.[c.verification] ?? 1);
    pulse += c.sum * f * Math.pow(2, -(today - c.day) / h);
  }
  let ledger = 0;
  for (const c of conditions) if (isInForce(c, today)) ledger += c.points * (factors.conditionPoints?.[c.kind] ?? 1);
  const k = factors.conditionWeight ?? 1;
  return 100 * Math.tanh((k * weightedLedger(ledger, method) + pulse) / (method.c * (factors.c ?? 1)));
}

export type SensitivityParameter =
  | { kind: "halfLifeDays" | "c" | "conditionWeight"; nominal: number }
  | { kind: "levelWeights"; key: Level; nominal: number }
  | { kind: "verificationWeights"; key: Verification; nominal: number }
  | { kind: "conditionPoints"; key: ConditionKind; nominal: number };

export interface SensitivityBar {
  parameter: SensitivityParameter;
  /** I(today) with the parameter at (1 − step) and at (1 + step) times its value. */
  atLower: number;
  atHigher: number;
  /** The larger of the two moves from today's value, in index points. */
  swing: number;
}

/** How today's value moves when each parameter alone moves by ±step; largest swing first. */
export function sensitivityOf(input: {
  cells: readonly CellTotal[];
  conditions: readonly IndexCondition[];
  today: number;
  method?: Method;
  step?: number;
}): { value: number; bars: SensitivityBar[] } {
  const { cells, conditions, today, method = METHOD, step = PARAM_RANGES.sensitivityStep } = input;
  const at = (factors: ParamFactors) => indexUnder({ cells, conditions, today, factors, method });
  const value = at({});
  const parameters: { parameter: SensitivityParameter; factors: (f: number) => ParamFactors }[] = [
    { parameter: { kind: "halfLifeDays", nominal: method.halfLifeDays }, factors: (f) => ({ halfLifeDays: f }) },
    { parameter: { kind: "c", nominal: method.c }, factors: (f) => ({ c: f }) },
    { parameter: { kind: "conditionWeight", nominal: method.conditionWeight }, factors: (f) => ({ conditionWeight: f }) },
    ...LEVELS.map((key) => ({
      parameter: { kind: "levelWeights" as const, key, nominal: method.levelWeights[key] },
      factors: (f: number): ParamFactors => ({ levelWeights: { [key]: f } }),
    })),
    ...VERIFICATIONS.map((key) => ({
      parameter: { kind: "verificationWeights" as const, key, nominal: method.verificationWeights[key] },
      factors: (f: number): ParamFactors => ({ verificationWeights: { [key]: f } }),
    })),
    ...CONDITION_KINDS.map((key) => ({
      parameter: { kind: "conditionPoints" as const, key, nominal: method.conditionPoints[key] },
      factors: (f: number): ParamFactors => ({ conditionPoints: { [key]: f } }),
    })),
  ];
  const bars = parameters.map(({ parameter, factors }) => {
    const atLower = at(factors(1 - step));
    const atHigher = at(factors(1 + step));
    return { parameter, atLower, atHigher, swing: Math.max(Math.abs(atLower - value), Math.abs(atHigher - value)) };
  });
  return { value, bars: bars.sort((a, b) => b.swing - a.swing) };
}

/** What a plausible range means, in words, with the ranges in force (cards, chart, /methodology). */
export function plausibleMeaning(ranges: MethodRanges = PARAM_RANGES): string {
  const percent = (x: number) => `±${Math.round(x * 100)} %`;
  const same = ranges.levelWeights === ranges.verificationWeights && ranges.levelWeights === ranges.conditionPoints;
  const weights = same
    ? `its level and verification weights and condition points within ${percent(ranges.levelWeights)}`
    : `its level weights within ${percent(ranges.levelWeights)}, verification weights within ${percent(ranges.verificationWeights)} and condition points within ${percent(ranges.conditionPoints)}`;
  return `the values the method gives with its half-life anywhere from ${ranges.halfLifeDays.min} to ${ranges.halfLifeDays.max} days and ${weights}`;
}
