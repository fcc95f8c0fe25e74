// How index numbers read on screen: one decimal, a sign in text (not only in colour).
export function formatIndex(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return (rounded === 0 ? 0 : rounded).toFixed(1);
}

/** A plausible range in words, low first: "plausible −55.0 to −30.0". */
export function formatPlausible(range: { low: number; high: number }): string {
  return `plausible ${formatIndex(range.low)} to ${formatIndex(range.high)}`;
}

export function formatChange(change: number): { text: string; direction: "up" | "down" | "flat" } {
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return { text: "no change", direction: "flat" };
  return rounded > 0 ? { text: `up ${rounded.toFixed(1)}`, direction: "up" } : { text: `down ${(-rounded).toFixed(1)}`, direction: "down" };
}

export const BAND_CLASS: Record<string, string> = {
  crisis: "band-crisis",
  tense: "band-tense",
  mixed: "band-mixed",
  cordial: "band-cordial",
  strong_partnership: "band-strong",
};
