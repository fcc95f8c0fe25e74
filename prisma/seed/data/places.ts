// Places reused by several seed files (capital coordinates as in countries.ts).
import type { SeedPlace } from "./types";

export const RABAT: SeedPlace = { name: "Rabat", lat: 34.0209, lon: -6.8416 };
export const PARIS: SeedPlace = { name: "Paris", lat: 48.8566, lon: 2.3522 };
export const ALGIERS: SeedPlace = { name: "Algiers", lat: 36.7538, lon: 3.0588 };
