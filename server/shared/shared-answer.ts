// An answer many requests share (an instance's cached answers, server/relations/answers.ts): deep
// frozen, so a caller that changed it would throw rather than change another's, and so what it
// turns into on the wire can be worked out once. The largest, three years of a dyad day by day,
// cost superjson a quarter of its call walking the same 160 KB again for every analyst.
const sharedValues = new WeakSet<object>();
const serializations = new WeakMap<object, unknown>();

/** The value, deep frozen and known as shared: never to be changed again. */
export function shared<T>(value: T): T {
  if (typeof value === "object" && value !== null) sharedValues.add(deepFrozen(value));
  return value;
}

function deepFrozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFrozen(inner);
  }
  return value;
}

/** Whether the value is one many requests share (server/http/compressed-once.ts keeps its bytes). */
export function isShared(value: object): boolean {
  return sharedValues.has(value);
}

/** `serialize(value)`, worked out once per shared value (kept as long as the value is), every time for any other. */
export function serializedOnce<S>(value: unknown, serialize: (value: unknown) => S): S {
  if (typeof value !== "object" || value === null || !sharedValues.has(value)) return serialize(value);
  if (serializations.has(value)) return serializations.get(value) as S;
  const result = shared(serialize(value));
  serializations.set(value, result);
  return result;
}
