// A value an app instance keeps in memory because many requests ask for it and it rarely
// changes (the sectors list; answers every analyst gets alike, one entry per question asked).
// Bounded twice: entries expire after ttlMs, and at most maxEntries are kept. Dropped when the
// database says one of its topics changed (server/shared/change-feed.ts), so after a write no
// instance serves the old value once the notice has arrived (on commit, within milliseconds).
// Three cases, by the process's listener on that database:
//   listening     → cached until the notice or ttlMs;
//   not listening → read through: a notice may be lost while the connection is down;
//   none          → cached for ttlMs (scripts and tests that start no listener), or read
//                   through when the cache says so (a value tests write and read at once).
// With `refreshAhead`, what a notice drops is read again at once when callers had asked for it
// since it was last read, the most asked first, a few side by side: the next caller finds the new
// value ready instead of paying for it. Never the old value: the new read starts after the
// notice, so after the write's commit. And a value asked for in its last seconds is read again
// behind its callers, so steady demand does not meet an expired entry.
import type { Change, ChangeFeed, ChangeTopic } from "./change-feed";

export interface InstanceCache<T> {
  /** `key` names the question when one cache keeps several answers per database. */
  get(options: { databaseUrl: string; key?: string; load: () => Promise<T>; now?: number }): Promise<T>;
  readonly size: number;
  /** Resolves once the reads a notice started ahead of callers are done (tests). */
  settled(): Promise<void>;
}

interface Entry<T> {
  databaseUrl: string;
  expires: number;
  value: Promise<T>;
  load: () => Promise<T>;
  /** Callers that asked for it since it was read: worth reading again ahead of the next one. */
  asks: number;
  /** Its read has not answered yet: dropped now, it has served no one the new value. */
  reading: boolean;
  /** Being read again behind its callers, before it expires (`renew`). */
  renewing: boolean;
}

/** Reads a notice starts at once, at most. */
const REFRESH_SIDE_BY_SIDE = 3;

/** A value asked for in this last share of its time to live is read again behind its callers. */
const RENEW_SHARE = 0.1;

export function instanceCache<T>(options: {
  /** What a notice must name to drop this cache's entries (any of them). */
  topic: ChangeTopic | readonly ChangeTopic[];
  ttlMs: number;
  maxEntries?: number;
  feedFor: (databaseUrl: string) => ChangeFeed | undefined;
  /** Without a listener: keep the value for ttlMs (the default), or read it each time. */
  withoutListener?: "ttl" | "readThrough";
  /** Which values are kept (all by default): the others are answered once and asked again next time. */
  keep?: (value: T) => boolean;
  /** Read again at once what a notice drops and callers had asked for since its last read. */
  refreshAhead?: boolean;
}): InstanceCache<T> {
  const maxEntries = options.maxEntries ?? 16;
  const topics: readonly Change[] = [...[options.topic].flat(), "everything"];
  const entries = new Map<string, Entry<T>>();
  const heard = new WeakSet<ChangeFeed>();
  /** Dropped entries to read again ahead of callers. */
  const wanted = new Map<string, Pick<Entry<T>, "databaseUrl" | "load" | "asks">>();
  let refreshing: Promise<void> = Promise.resolve();
  let draining = false;

  const fill = (id: string, databaseUrl: string, load: () => Promise<T>, asks: number, now: number): Promise<T> => {
    const value = load();
    entries.delete(id); // re-inserted last: the Map's order is the eviction order
    const entry: Entry<T> = { databaseUrl, expires: now + options.ttlMs, value, load, asks, reading: true, renewing: false };
    entries.set(id, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
    // A failed read is not kept, nor a value `keep` refuses: the next request asks again.
    const forget = () => {
      if (entries.get(id)?.value === value) entries.delete(id);
    };
    const answered = () => (entry.reading = false);
    value.then((v) => (answered(), options.keep && !options.keep(v) ? forget() : undefined), () => (answered(), forget()));
    return value;
  };

  // A value still asked for as its time runs out is read again while callers keep getting it, and
  // replaces it once in: an answer in steady demand (a search every analyst runs) never makes its
  // caller wait for the read when it expires. Unless a notice dropped it meanwhile: that read may
  // predate the write.
  const renew = (id: string, entry: Entry<T>, now: number) => {
    entry.renewing = true;
    const done = () => (entry.renewing = false);
    let value: Promise<T>;
    try {
      value = entry.load();
    } catch {
      done();
      return;
    }
    value.then((v) => {
      done();
      if (entries.get(id) !== entry) return;
      // The newer read is not one to keep (a session now refused): the old value goes too.
      if (options.keep && !options.keep(v)) return void entries.delete(id);
      Object.assign(entry, { value, expires: now + options.ttlMs });
      entries.delete(id); // re-inserted last: the Map's order is the eviction order
      entries.set(id, entry);
    }, done);
  };

  // A few reads side by side, the most asked first: the sooner each is in, the fewer callers pay
  // for it themselves, yet a burst of notices must not become a burst of reads holding the pool.
  // A caller arriving first fills the entry itself; it is skipped here.
  const drain = async () => {
    draining = true;
    while (wanted.size) {
      const next = [...wanted].sort(([, a], [, b]) => b.asks - a.asks).slice(0, REFRESH_SIDE_BY_SIDE);
      await Promise.all(
        next.map(([id, { databaseUrl, load }]) => {
          wanted.delete(id);
          if (entries.has(id) || !options.feedFor(databaseUrl)?.listening) return undefined;
          // A failed read is the next caller's to retry; it must not stop the rounds after it.
          try {
            return fill(id, databaseUrl, load, 0, Date.now()).catch(() => undefined);
          } catch {
            return undefined;
          }
        }),
      );
    }
    draining = false;
  };

  const follow = (databaseUrl: string, feed: ChangeFeed) => {
    if (heard.has(feed)) return;
    heard.add(feed);
    feed.onChange((change: Change) => {
      if (!topics.includes(change)) return;
      for (const [id, entry] of entries) {
        if (entry.databaseUrl !== databaseUrl) continue;
        entries.delete(id);
        if (options.refreshAhead && (entry.asks > 0 || entry.reading)) wanted.set(id, entry);
      }
      if (wanted.size && !draining) refreshing = drain();
    });
  };

  return {
    get({ databaseUrl, key = "", load, now = Date.now() }) {
      const feed = options.feedFor(databaseUrl);
      if (feed) follow(databaseUrl, feed);
      if (feed ? !feed.listening : options.withoutListener === "readThrough") return load();
      const id = `${databaseUrl}\n${key}`;
      const cached = entries.get(id);
      if (cached && cached.expires > now) {
        cached.asks++;
        if (feed && !cached.reading && !cached.renewing && cached.expires - now < options.ttlMs * RENEW_SHARE) renew(id, cached, now);
        return cached.value;
      }
      return fill(id, databaseUrl, load, 1, now);
    },
    get size() {
      return entries.size;
    },
    async settled() {
      // A notice heard meanwhile may have started another round: wait until none is newer.
      for (let round = refreshing; ; round = refreshing) {
        await round;
        if (round === refreshing) return;
      }
    },
  };
}
