// Tracked dyads. Key convention, used in every seed file: the two alpha-3 codes in
// alphabetical order joined by "-" (France–Algeria is "DZA-FRA", never "FRA-DZA").
export const trackedDyads = ["FRA-MAR", "DZA-FRA", "DZA-MAR"] as const;

export type TrackedDyad = (typeof trackedDyads)[number];
