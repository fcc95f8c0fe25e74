import "server-only";
// Country, dyad and band names in a server component (client components: usePlaces).
import { getTranslations } from "next-intl/server";
import { placesFrom, type Places } from "./places";

export async function getPlaces(): Promise<Places> {
  const [places, relations] = await Promise.all([getTranslations("places"), getTranslations("relations")]);
  return placesFrom({ country: (code) => places(`countries.${code}`), band: (band) => relations(`bands.${band}`), statusNote: (code) => places(`statusNotes.${code}`) });
}
