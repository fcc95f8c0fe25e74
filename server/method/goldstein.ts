// Event score s = G × L × V (methodology §1).
import { CAMEO_TABLE } from "./cameo-table";
import { METHOD, type Level, type Method, type OverrideKey, type Verification } from "./params";

/** The Goldstein scale's bounds; a manual override outside them is a data-entry error. */
export const GOLDSTEIN_MIN = -10;
export const GOLDSTEIN_MAX = 10;

const GOLDSTEIN = new Map<string, number>(CAMEO_TABLE.map(([code, g]) => [code, g]));
const DESCRIPTION = new Map<string, string>(CAMEO_TABLE.map(([code, , d]) => [code, d]));

/** CAMEO codes are 2 (root), 3 (base) or 4 digits. */
const CODE_SHAPE = /^\d{2,4}$/;

/** The listed code itself, then its base code (first 3 digits), then its root (first 2). */
function lookupChain(code: string): string[] {
  if (!CODE_SHAPE.test(code)) return [];
  return [...new Set([code, code.slice(0, 3), code.slice(0, 2)])];
}

/** Most specific code's value, else its base code's, else its root's; null for a malformed code or unknown root. */
export function goldsteinFor(code: string): number | null {
  for (const candidate of lookupChain(code.trim())) {
    const g = GOLDSTEIN.get(candidate);
    if (g !== undefined) return g;
  }
  return null;
}

/** True only for codes that are in the CAMEO codebook — forms use this to catch typos. */
export function isKnownCameoCode(code: string): boolean {
  return GOLDSTEIN.has(code.trim());
}

/** "057 sign formal agreement"; for an unlisted but valid code, its nearest listed ancestor's description. */
export function cameoLabel(code: string): string | null {
  const trimmed = code.trim();
  for (const candidate of lookupChain(trimmed)) {
    const d = DESCRIPTION.get(candidate);
    if (d !== undefined) return `${trimmed} ${d}`;
  }
  return null;
}

/** Options for an event-type picker, in codebook order. */
export const CAMEO_OPTIONS: ReadonlyArray<{ code: string; goldstein: number; label: string }> = CAMEO_TABLE.map(
  ([code, goldstein, d]) => ({ code, goldstein, label: `${code} ${d}` }),
);

/** Named, versioned overrides (flagged in the UI); values live in params. */
export const OVERRIDES = METHOD.overrides;

/** A named override is only meaningful for its own base code (e.g. 161 for a recall). */
export function overrideAppliesTo(key: OverrideKey, cameoCode: string, method: Method = METHOD): boolean {
  return cameoCode.trim().slice(0, 3) === method.overrides[key].cameoBase;
}

export interface EventScoreInput {
  cameoCode: string;
  overrideKey?: OverrideKey | null;
  /** An admin's manual G for this one event (with a written reason stored elsewhere). */
  scoreOverride?: number | null;
  level: Level;
  verification: Verification;
}

export interface EventScore {
  g: number;
  l: number;
  v: number;
  s: number;
  /** Where G came from, so the UI can flag overridden scores. */
  gSource: "table" | "named_override" | "manual";
}

/**
 * s = G × L × V. Precedence for G: the admin's manual value (the most specific human judgement),
 * then a named override, then the table. Throws on inputs that validation should have caught,
 * rather than silently scoring them 0.
 */
export function eventScore(input: EventScoreInput, method: Method = METHOD): EventScore {
  const l = method.levelWeights[input.level];
  const v = method.verificationWeights[input.verification];
  const { g, gSource } = baseValue(input, method);
  return { g, l, v, s: g * l * v, gSource };
}

function baseValue(input: EventScoreInput, method: Method): Pick<EventScore, "g" | "gSource"> {
  if (input.scoreOverride !== undefined && input.scoreOverride !== null) {
    const g = input.scoreOverride;
    if (!Number.isFinite(g) || g < GOLDSTEIN_MIN || g > GOLDSTEIN_MAX) {
      throw new RangeError(`scoreOverride ${g} is outside the Goldstein scale [−10, 10]`);
    }
    return { g, gSource: "manual" };
  }
  if (input.overrideKey) {
    if (!overrideAppliesTo(input.overrideKey, input.cameoCode, method)) {
      throw new RangeError(`override ${input.overrideKey} does not apply to CAMEO code ${input.cameoCode}`);
    }
    return { g: method.overrides[input.overrideKey].goldstein, gSource: "named_override" };
  }
  const g = goldsteinFor(input.cameoCode);
  if (g === null) throw new RangeError(`unknown CAMEO code "${input.cameoCode}"`);
  return { g, gSource: "table" };
}
