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
import type { Change, ChangeFeed, ChangeTopic } from "./change-feed";

export interface InstanceCache<T> {
  /** `key` names the question when one cache keeps several answers per database. */
  get(options: { databaseUrl: string; key?: string; load: () => Promise<T>; now?: number }): Promise<T>;
  readonly size: number;
}

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
}): InstanceCache<T> {
  const maxEntries = options.maxEntries ?? 16;
  const topics: readonly Change[] = [...[options.topic].flat(), "everything"];
  const entries = new Map<string, { databaseUrl: string; expires: number; value: Promise<T> }>();
  const heard = new WeakSet<ChangeFeed>();

  const follow = (databaseUrl: string, feed: ChangeFeed) => {
    if (heard.has(feed)) return;
    heard.add(feed);
    feed.onChange((change: Change) => {
      if (!topics.includes(change)) return;
      for (const [id, entry] of entries) if (entry.databaseUrl === databaseUrl) entries.delete(id);
    });
  };

  return {
    get({ databaseUrl, key = "", load, now = Date.now() }) {
      const feed = options.feedFor(databaseUrl);
      if (feed) follow(databaseUrl, feed);
      if (feed ? !feed.listening : options.withoutListener === "readThrough") return load();
      const id = `${databaseUrl}\n${key}`;
      const cached = entries.get(id);
      if (cached && cached.expires > now) return cached.value;
      const value = load();
      entries.delete(id); // re-inserted last: the Map's order is the eviction order
      entries.set(id, { databaseUrl, expires: now + options.ttlMs, value });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      // A failed read is not kept, nor a value `keep` refuses: the next request asks again.
      const forget = () => {
        if (entries.get(id)?.value === value) entries.delete(id);
      };
      value.then((v) => (options.keep && !options.keep(v) ? forget() : undefined), forget);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
