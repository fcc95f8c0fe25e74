// Database reads for the map's geography: what the borders file cannot know.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";

const mapCountrySelect = {
  code: true,
  name: true,
  status: true,
  statusNote: true,
  capitalName: true,
  capitalLat: true,
  capitalLon: true,
} satisfies Prisma.CountrySelect;

/** Every recorded country with its status (Western Sahara's is disputed) and capital. */
export async function mapCountries({ db }: { db: Db }) {
  return db.country.findMany({ select: mapCountrySelect, orderBy: { code: "asc" } });
}
