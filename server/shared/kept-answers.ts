// Answers every signed-in reader gets alike, kept by each instance per question (what was read,
// with which input) until the database announces a write to what they are read from, a minute at
// most; without a listener (scripts, tests) each is read every time. Filled from the primary: the
// notice comes from there, and a replica may not have the write yet. Callers share each answer:
// it is frozen (server/shared/shared-answer.ts). The index's (server/relations/answers.ts) and the
// agreements feed's (server/agreements/answers.ts) are two of these.
import { databaseUrlOf, type Db } from "../db-client";
import { primaryOf } from "../db-replica";
import type { ChangeFeed, ChangeTopic } from "./change-feed";
import { instanceCache } from "./instance-cache";
import { shared } from "./shared-answer";

const TTL_MS = 60_000;

export interface KeptAnswers {
  /** `read(input)`'s answer, shared with every caller asking `name` with the same input. */
  answer<I extends { db: Db }, R>(name: string, input: I, read: (input: I) => Promise<R>): Promise<R>;
  /** Resolves once the answers a notice started reading again are in (tests). */
  settled(): Promise<void>;
}

export function keptAnswers(options: {
  /** The notices that drop them: what their reads read. */
  topic: readonly ChangeTopic[];
  /** Questions kept per instance, the least recently read forgotten first. */
  maxEntries: number;
  feedFor: (databaseUrl: string) => ChangeFeed | undefined;
  /** Read again at once what a notice drops (server/shared/instance-cache.ts). */
  refreshAhead?: boolean;
}): KeptAnswers {
  const { topic, maxEntries, feedFor, refreshAhead } = options;
  const cache = instanceCache<unknown>({ topic, ttlMs: TTL_MS, maxEntries, feedFor, withoutListener: "readThrough", refreshAhead });
  return {
    answer<I extends { db: Db }, R>(name: string, input: I, read: (input: I) => Promise<R>): Promise<R> {
      const { db, ...asked } = input;
      const primary = primaryOf(db);
      const load = () => read({ ...input, db: primary }).then(shared);
      return cache.get({ databaseUrl: databaseUrlOf(primary), key: `${name} ${JSON.stringify(asked)}`, load }) as Promise<R>;
    },
    settled: () => cache.settled(),
  };
}
