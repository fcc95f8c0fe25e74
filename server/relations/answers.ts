// The index's answers every signed-in reader gets alike — summaries, series, volumes, first days,
// a dyad's drivers, the map's events — asked for by nearly every page and chart. Kept per instance
// until a write to the index is announced (topics "index" and "dyads": a rollup row, an event, a
// condition or its links, a dyad, a country).
// A notice also starts reading again, the most asked first, the answers asked for since their last
// read: under a steady trickle of writes (ingestion, an admin at work) the next caller finds its
// answer ready instead of paying for the read after every write. A dyad's drivers are kept apart,
// not read ahead (see driverAnswers).
import { changeFeedOf } from "../shared/change-feed";
import { keptAnswers, type KeptAnswers } from "../shared/kept-answers";

/** Questions kept per instance: the largest, three years of a dyad day by day, is ~100 KB. */
const MAX_ENTRIES = 200;

/**
 * One instance's answers, hearing changes through `feedFor` (tests make one per simulated instance).
 * `refreshAhead: false` for an answer one page asks for and that costs more to read: read again when
 * next asked, not in the burst of reads that follows each write, where every other reader waits.
 */
export const indexAnswersWith = (feedFor: typeof changeFeedOf, { refreshAhead = true } = {}): KeptAnswers =>
  keptAnswers({ topic: ["index", "dyads"], maxEntries: MAX_ENTRIES, feedFor, refreshAhead });

export const indexAnswers = indexAnswersWith(changeFeedOf);

/** A dyad's drivers (its page's tables): kept until a write, then read when the page is next opened. */
export const driverAnswers = indexAnswersWith(changeFeedOf, { refreshAhead: false });
