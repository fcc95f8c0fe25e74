// Countries and territories the app draws and tracks. Capital coordinates are WGS84, 4 decimals.
import englishPlaces from "../../../messages/en/places.json" with { type: "json" };
import type { SeedCountry } from "./types";

export const countries: SeedCountry[] = [
  {
    code: "MAR",
    name: "Morocco",
    status: "SOVEREIGN_STATE",
    capital: { name: "Rabat", lat: 34.0209, lon: -6.8416 },
  },
  {
    code: "DZA",
    name: "Algeria",
    status: "SOVEREIGN_STATE",
    capital: { name: "Algiers", lat: 36.7538, lon: 3.0588 },
  },
  {
    code: "TUN",
    name: "Tunisia",
    status: "SOVEREIGN_STATE",
    capital: { name: "Tunis", lat: 36.8065, lon: 10.1815 },
  },
  {
    code: "LBY",
    name: "Libya",
    status: "SOVEREIGN_STATE",
    capital: { name: "Tripoli", lat: 32.8872, lon: 13.1913 },
  },
  {
    code: "MRT",
    name: "Mauritania",
    status: "SOVEREIGN_STATE",
    capital: { name: "Nouakchott", lat: 18.0735, lon: -15.9582 },
  },
  {
    code: "ESH",
    name: "Western Sahara",
    status: "DISPUTED_TERRITORY",
    // The interface's English words for it, said once; French and Arabic readers see their own.
    statusNote: englishPlaces.statusNotes.ESH,
    capital: { name: "Laâyoune", lat: 27.1536, lon: -13.2033 },
  },
  {
    code: "FRA",
    name: "France",
    status: "SOVEREIGN_STATE",
    capital: { name: "Paris", lat: 48.8566, lon: 2.3522 },
  },
  {
    code: "ESP",
    name: "Spain",
    status: "SOVEREIGN_STATE",
    capital: { name: "Madrid", lat: 40.4168, lon: -3.7038 },
  },
];
