import { authedProcedure, router } from "../trpc";
import { mapCountries } from "./service";

export const geoRouter = router({
  /** Countries with status and capital: the map's disputed styling, arcs and labels. */
  countries: authedProcedure.query(({ ctx }) => mapCountries({ db: ctx.db })),
});
