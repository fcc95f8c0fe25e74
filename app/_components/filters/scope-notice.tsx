// What a page says when its address held filters it could not use (read leniently, see
// server/scope/url.ts): they were reset to their defaults, and the page shows what is left.
export function ScopeNotice({ ignored }: { ignored: string[] }) {
  if (ignored.length === 0) return null;
  return <output className="notice">Some filters in the address were not understood and were left out: {[...new Set(ignored)].join(", ")}.</output>;
}
