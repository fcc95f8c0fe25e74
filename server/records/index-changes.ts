// How every writer tells the relations index that a dyad changed: one call, `dyadChanged`, and
// IndexChanges to collect a bulk write's touches so each dyad is refreshed once.
import { writeOutbox, type ChangeRef } from "../alerts/outbox";
import type { DbOrTx } from "../db-client";
import { indexAsOf, latestIndexAsOf, refreshRollup, unusualOn } from "../relations/rollup";

/**
 * A refreshed dyad's index today and its unusual-change flag, before and after the refresh: what
 * alert rules judge. `unusualBefore` null: not judged, the dyad's rollup stopped before today.
 */
export interface IndexMove {
  dyadId: string;
  before: number | null;
  after: number | null;
  unusualBefore: boolean | null;
  unusualAfter: boolean;
}


/** A record's weight on the index: its dyad, from the first day it counts. */
export interface Touch {
  dyadId: string;
  day: number;
}

/**
 * The one call that tells the index "dyad X changed from day D": its DyadDay rows are recomputed
 * from D to today, inside the caller's transaction (which holds the dyad's lock until it ends).
 */
export function dyadChanged(input: { db: DbOrTx; dyadId: string; fromDay: number; today: number }): Promise<void> {
  return refreshRollup({ db: input.db, dyadId: input.dyadId, changedDay: input.fromDay, today: input.today });
}

/** The dyads a set of writes touched, each with the earliest day touched. */
export class IndexChanges implements Iterable<{ dyadId: string; fromDay: number }> {
  readonly #fromDay = new Map<string, number>();

  /**
   * A write that weighs on the index at `now`; for an update, `was` is where the stored record
   * weighed: its new dyad changes from the earlier of the two days, its old dyad from its old day.
   */
  add(now: Touch | null, was: Touch | null = null): this {
    if (now) this.#touch(now.dyadId, was ? Math.min(now.day, was.day) : now.day);
    if (was) this.#touch(was.dyadId, was.day);
    return this;
  }

  get size(): number {
    return this.#fromDay.size;
  }

  *[Symbol.iterator]() {
    for (const [dyadId, fromDay] of this.#fromDay) yield { dyadId, fromDay };
  }

  /**
   * In the write's transaction, before the write: each touched dyad's rows extended to `today`
   * while they do not hold it yet (nothing was written to the dyad since its last row), so apply's
   * "before" is today's index and unusual-change flag, not those of the last day something was
   * written. Without it the day's first publish judged its move against a rollup days behind, and
   * could fire an unusual-change alert for a flag the dyad already showed.
   */
  async catchUp(db: DbOrTx, today: number): Promise<void> {
    for (const { dyadId } of this) {
      const last = await latestIndexAsOf({ db, dyadId, onOrBefore: today });
      if (last && last.day < today) await refreshRollup({ db, dyadId, changedDay: last.day + 1, today });
    }
  }

  /**
   * Refreshes each touched dyad once, in order, in the caller's transaction, and records how each
   * moved today in the alerts outbox under `change` (the write's key and the records it wrote):
   * every publish path passes here.
   */
  async apply(db: DbOrTx, today: number, change: ChangeRef, onDyad?: (done: number, total: number) => void): Promise<IndexMove[]> {
    let done = 0;
    const moves: IndexMove[] = [];
    for (const { dyadId, fromDay } of this) {
      const stored = await latestIndexAsOf({ db, dyadId, onOrBefore: today });
      const before = stored?.index ?? null;
      // Still behind today (a writer that did not catch up first): the flag would be read on an older
      // day's rows, so it is not judged and UNUSUAL rules stay silent rather than fire on a misreading.
      const unusualBefore = stored !== null && stored.day < today ? null : await unusualOn({ db, dyadId, today });
      await dyadChanged({ db, dyadId, fromDay, today });
      const after = await indexAsOf({ db, dyadId, onOrBefore: today });
      moves.push({ dyadId, before, after, unusualBefore, unusualAfter: await unusualOn({ db, dyadId, today }) });
      onDyad?.(++done, this.size);
    }
    await writeOutbox(db, change, moves);
    return moves;
  }

  #touch(dyadId: string, day: number): void {
    this.#fromDay.set(dyadId, Math.min(day, this.#fromDay.get(dyadId) ?? day));
  }
}
