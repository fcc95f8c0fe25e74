// The index's answers every signed-in reader gets alike — summaries, series, volumes, first days,
// a dyad's drivers, the map's events — asked for by nearly every page and chart. Kept per instance
// until a write to the index is announced (topics "index" and "dyads": a rollup row, an event, a
// condition or its links, a dyad, a country).
// A notice also starts reading again, the most asked first, the answers asked for since their last
// read: under a steady trickle of writes (ingestion, an admin at work) the next caller finds its
// answer ready instead of paying for the read after every write.
import { changeFeedOf } from "../shared/change-feed";
import { keptAnswers, type KeptAnswers } from "../shared/kept-answers";

/** Questions kept per instance: the largest, three years of a dyad day by day, is ~100 KB. */
const MAX_ENTRIES = 200;

/** One instance's answers, hearing changes through `feedFor` (tests make one per simulated instance). */
export const indexAnswersWith = (feedFor: typeof changeFeedOf): KeptAnswers =>
  keptAnswers({ topic: ["index", "dyads"], maxEntries: MAX_ENTRIES, feedFor, refreshAhead: true });

export const indexAnswers = indexAnswersWith(changeFeedOf);
