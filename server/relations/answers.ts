// Answers every signed-in reader gets alike — the index's summaries, series and volumes, the
// map's events — asked for by nearly every page and chart, and changed only by a write to the
// index. Each instance keeps them per question (what was read, with which input) until the
// database announces such a write (topics "index" and "dyads": a rollup row, an event, a dyad, a
// country), a minute at most; without a listener (scripts, tests) each is read every time.
// A notice also starts reading again, one after another, the answers asked for since their last
// read: under a steady trickle of writes (ingestion, an admin at work) the next caller finds its
// answer ready instead of paying for the read after every write.
// Callers share each answer: it is frozen (server/shared/shared-answer.ts).
import { databaseUrlOf, type Db } from "../db-client";
import { primaryOf } from "../db-replica";
import { changeFeedOf } from "../shared/change-feed";
import { instanceCache } from "../shared/instance-cache";
import { shared } from "../shared/shared-answer";

const TTL_MS = 60_000;
/** Questions kept per instance: the largest, three years of a dyad day by day, is ~100 KB. */
const MAX_ENTRIES = 200;

export interface IndexAnswers {
  /** `read(input)`'s answer, shared with every caller asking `name` with the same input. */
  answer<I extends { db: Db }, R>(name: string, input: I, read: (input: I) => Promise<R>): Promise<R>;
  /** Resolves once the answers a notice started reading again are in (tests). */
  settled(): Promise<void>;
}

/** One instance's answers, hearing changes through `feedFor` (tests make one per simulated instance). */
export function indexAnswersWith(feedFor: typeof changeFeedOf): IndexAnswers {
  const cache = instanceCache<unknown>({ topic: ["index", "dyads"], ttlMs: TTL_MS, maxEntries: MAX_ENTRIES, feedFor, withoutListener: "readThrough", refreshAhead: true });
  return {
    answer<I extends { db: Db }, R>(name: string, input: I, read: (input: I) => Promise<R>): Promise<R> {
      const { db, ...asked } = input;
      // Filled from the primary: the notice comes from there, and a replica may not have the write yet.
      const primary = primaryOf(db);
      const load = () => read({ ...input, db: primary }).then(shared);
      return cache.get({ databaseUrl: databaseUrlOf(primary), key: `${name} ${JSON.stringify(asked)}`, load }) as Promise<R>;
    },
    settled: () => cache.settled(),
  };
}

export const indexAnswers = indexAnswersWith(changeFeedOf);
