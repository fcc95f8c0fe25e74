// What the admin's agreement form chooses from: the tracked dyads, every country (for the
// parties) by name, and the capitals as places.
import type { Db } from "../db-client";
import { capitalPlaces } from "../geo/places";
import { mapCountries } from "../geo/service";
import { listTrackedDyads } from "../relations/service";

export async function agreementFormOptions({ db }: { db: Db }) {
  const [dyads, countries] = await Promise.all([listTrackedDyads({ db }), mapCountries({ db })]);
  const byName = countries.toSorted((x, y) => x.name.localeCompare(y.name));
  return { dyads, countries: byName.map(({ code, name }) => ({ code, name })), places: capitalPlaces(byName) };
}
