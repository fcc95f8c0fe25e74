import { authedProcedure, router } from "../trpc";
import { fromDay, toDay } from "../method/day";
import { driversInput, extentInput, seriesInput, seriesUnderInput, summaryInput, volumeInput } from "./schemas";
import { dataStart, dyadDrivers, dyadSensitivity, dyadSeriesUnder, dyadSummaries, eventVolumes, listTrackedDyads, seriesWithMarkers } from "./service";

/** The server's calendar day (UTC): the index is daily. */
const today = () => toDay(new Date());

export const relationsRouter = router({
  /** The tracked dyads, for filter bars and pickers. */
  dyads: authedProcedure.query(({ ctx }) => listTrackedDyads({ db: ctx.db })),

  /** Current value, band, changes, trend and latest event of each tracked (or named) dyad. */
  summary: authedProcedure
    .input(summaryInput)
    .query(({ ctx, input }) => dyadSummaries({ db: ctx.db, now: today(), asOf: input.asOf, keys: input.dyads })),

  /** The index over a range, daily or weekly, with the range's largest events as markers. */
  series: authedProcedure
    .input(seriesInput)
    .query(({ ctx, input }) =>
      seriesWithMarkers({ db: ctx.db, now: today(), keys: input.dyads, from: input.from, to: input.to, granularity: input.granularity, markers: input.markers }),
    ),

  /** One dyad's index under another published method version, computed on request (the chart's overlay). */
  seriesUnder: authedProcedure
    .input(seriesUnderInput)
    .query(({ ctx, input }) => dyadSeriesUnder({ db: ctx.db, now: today(), key: input.dyad, version: input.version, from: input.from, to: input.to, granularity: input.granularity })),

  /** The first day with data among the dyads (null when none), to draw "all" of a history. */
  extent: authedProcedure.input(extentInput).query(async ({ ctx, input }) => {
    const first = await dataStart({ db: ctx.db, keys: input.dyads });
    return { from: first === null ? null : fromDay(first) };
  }),

  /** How many events each dyad has placed within a range (the map weighs its arcs by it). */
  volume: authedProcedure
    .input(volumeInput)
    .query(({ ctx, input }) =>
      eventVolumes({ db: ctx.db, now: today(), keys: input.dyads, from: input.from, to: input.to }),
    ),

  /** Top events and conditions behind a dyad's value, and its 30-day change split. */
  drivers: authedProcedure
    .input(driversInput)
    .query(({ ctx, input }) => dyadDrivers({ db: ctx.db, now: today(), key: input.dyad, asOf: input.asOf })),

  /** How each tracked dyad's value today moves when each method parameter moves by ±25 %. */
  sensitivity: authedProcedure.query(({ ctx }) => dyadSensitivity({ db: ctx.db, now: today() })),
});
