// How a dyad is named everywhere, server and browser: France first, then the other party, since
// analysts read "France – Morocco", not "Morocco – France" (keys are sorted: "FRA-MAR", "DZA-FRA").

interface Named {
  code: string;
  name: string;
}

export function dyadLabel({ a, b }: { a: Named; b: Named }): string {
  const [first, second] = b.code === "FRA" ? [b, a] : [a, b];
  return `${first.name} – ${second.name}`;
}
