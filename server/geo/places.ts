// The places a record form offers: each country's capital, named with its country.

interface CountryWithCapital {
  name: string;
  capitalName: string | null;
  capitalLat: number | null;
  capitalLon: number | null;
}

export function capitalPlaces(countries: CountryWithCapital[]): { name: string; lat: number; lon: number; country: string }[] {
  return countries.flatMap((c) =>
    c.capitalName && c.capitalLat !== null && c.capitalLon !== null ? [{ name: c.capitalName, lat: c.capitalLat, lon: c.capitalLon, country: c.name }] : [],
  );
}
