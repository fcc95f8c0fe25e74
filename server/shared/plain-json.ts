// superjson's `serialize` walks every value of an answer to find what JSON cannot carry (dates,
// undefined, maps, NaN, -0, objects met twice…), building a path for each: for three years of a
// dyad day by day, 6,600 plain numbers and strings, on the event loop after every write.
// Most answers hold nothing of the kind. One plain walk finds that out in a fraction of the time,
// and its answer is then exactly superjson's: `{ json: value }`, no meta. Anything else goes to
// superjson, which has the last word on how it is written.
import { serialize, type SuperJSONResult } from "superjson";

/** superjson's `serialize(value)`, without its walk when the value is plain JSON. */
export function toSuperjson(value: unknown): SuperJSONResult {
  return isPlainJson(value, new Set()) ? { json: value as SuperJSONResult["json"] } : serialize(value);
}

/**
 * Whether superjson would write the value as it is, with no meta: null, booleans, strings, finite
 * numbers but -0, and arrays and plain objects of those, each met once (superjson records an
 * object met twice, so that both places get the same one back).
 */
export function isPlainJson(value: unknown, seen: Set<object>): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i], seen)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key], seen)) return false;
      return true;
    }
    default:
      return false;
  }
}
