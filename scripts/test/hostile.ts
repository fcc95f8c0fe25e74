// Hostile inputs for property-based tests (fast-check): what an attacker or a broken client
// sends — wrong types, injection fragments, unicode edge cases, sizes far past any limit —
// and inputs shaped like the real ones (from a procedure's zod schema) with one field made hostile.
import * as fc from "fast-check";
import { z } from "zod";

const FRAGMENTS = [
  "'; DROP TABLE \"Event\"; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "%' AND 1=1 --",
  "\\",
  "$1",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "\u202eRTL\u202c",
  "\u200f\u200e\u200b",
  "👨‍👩‍👧‍👦🇫🇷🇲🇦",
  "e\u0301\u0301\u0301",
  "ﷺ",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "__proto__",
  "constructor",
  "FRA-MAR",
  "2025-02-30",
  "9999-12-31",
  "0000-00-00",
  " ",
  "",
] as const;

/** Strings that break naive code: injection fragments, control and unpaired surrogate characters, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 300, max: 70_000 })).map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length)))) },
  { weight: 1, arbitrary: fc.constant("x".repeat(1_000_000)) },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 0.5, 1e-320, 1_000_000_000),
  fc.double(),
  fc.integer(),
);

/** Any JSON value of any type, nested up to a few levels, plus a few far deeper. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileString,
      hostileNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "id", "limit", "cursor")), tie("value"), { maxKeys: 4 }),
    ),
  })).value },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((depth) => deeplyNested(depth)) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((n) => Array.from({ length: n }, (_, i) => i)) },
);

function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

type JsonSchema = { [key: string]: unknown };
const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);
const numberOr = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);

/** Plausible text of a bounded length, with injection fragments and unicode inside it. */
function plausibleText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const text = fc.oneof(fc.string({ unit: "grapheme", minLength, maxLength }), fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", minLength, maxLength }));
  return text.map((s) => (s.length < minLength ? s.padEnd(minLength, "x") : s).slice(0, Math.max(minLength, maxLength)));
}

/** Values that satisfy a JSON Schema's shape and bounds (not necessarily its refinements). */
function shaped(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ("const" in schema) return fc.constant(schema.const);
  for (const key of ["anyOf", "oneOf"]) {
    const options = schema[key];
    if (Array.isArray(options)) return fc.oneof(...options.filter(isSchema).map(shaped));
  }
  switch (schema.type) {
    case "string": {
      if (schema.format === "date") return fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === "email") return fc.emailAddress().filter((e) => e.length <= numberOr(schema.maxLength, 254));
      if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= numberOr(schema.maxLength, 1000));
      return plausibleText(numberOr(schema.minLength, 0), numberOr(schema.maxLength, 200));
    }
    case "integer":
      return fc.integer({ min: Math.max(numberOr(schema.minimum, -1e9), Number.MIN_SAFE_INTEGER), max: Math.min(numberOr(schema.maximum, 1e9), Number.MAX_SAFE_INTEGER) });
    case "number":
      return fc.double({ min: numberOr(schema.minimum, -1e9), max: numberOr(schema.maximum, 1e9), noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(isSchema(schema.items) ? shaped(schema.items) : hostileValue, { minLength: numberOr(schema.minItems, 0), maxLength: Math.min(numberOr(schema.maxItems, 5), 25) });
    case "object": {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required : [];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(properties)) if (isSchema(child)) model[key] = shaped(child);
      return fc.record(model, { requiredKeys: Object.keys(model).filter((key) => required.includes(key)) });
    }
    default:
      return hostileValue;
  }
}

/** One field of a plausible object replaced by a hostile value, or a stray key added. */
function withOneFieldHostile(value: unknown): fc.Arbitrary<unknown> {
  if (!isSchema(value)) return hostileValue;
  const keys = Object.keys(value);
  return fc.tuple(fc.constantFrom(...keys, "strayKey", "__proto__"), hostileValue).map(([key, bad]) => ({ ...value, [key]: bad }));
}

/**
 * Inputs for one procedure: mostly valid-shaped (so they reach the service and the database),
 * some with one field made hostile, some hostile through and through.
 */
export function inputsFor(schemas: z.ZodType[]): fc.Arbitrary<unknown> {
  const schema = schemas[0];
  if (!schema) return fc.oneof(fc.constant(undefined), hostileValue);
  const plausible = shaped(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    { weight: 2, arbitrary: plausible.chain(withOneFieldHostile) },
    { weight: 1, arbitrary: hostileValue },
  );
}
