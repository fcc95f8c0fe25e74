// A value an app instance keeps in memory because many requests ask for it and it rarely
// changes (the sectors list). Bounded twice: entries expire after ttlMs, and at most maxEntries
// are kept. Dropped when the database says the topic changed (server/shared/change-feed.ts), so
// after a write no instance serves the old value once the notice has arrived (on commit, within
// milliseconds). Three cases, by the process's listener on that database:
//   listening     → cached until the notice or ttlMs;
//   not listening → read through: a notice may be lost while the connection is down;
//   none          → cached for ttlMs (scripts and tests that start no listener), or read
//                   through when the cache says so (a value tests write and read at once).
import type { Change, ChangeFeed, ChangeTopic } from "./change-feed";

export interface InstanceCache<T> {
  get(options: { databaseUrl: string; load: () => Promise<T>; now?: number }): Promise<T>;
  readonly size: number;
}

export function instanceCache<T>(options: {
  topic: ChangeTopic;
  ttlMs: number;
  maxEntries?: number;
  feedFor: (databaseUrl: string) => ChangeFeed | undefined;
  /** Without a listener: keep the value for ttlMs (the default), or read it each time. */
  withoutListener?: "ttl" | "readThrough";
}): InstanceCache<T> {
  const maxEntries = options.maxEntries ?? 16;
  const entries = new Map<string, { expires: number; value: Promise<T> }>();
  const heard = new WeakSet<ChangeFeed>();

  const follow = (databaseUrl: string, feed: ChangeFeed) => {
    if (heard.has(feed)) return;
    heard.add(feed);
    feed.onChange((change: Change) => {
      if (change === options.topic || change === "everything") entries.delete(databaseUrl);
    });
  };

  return {
    get({ databaseUrl, load, now = Date.now() }) {
      const feed = options.feedFor(databaseUrl);
      if (feed) follow(databaseUrl, feed);
      if (feed ? !feed.listening : options.withoutListener === "readThrough") return load();
      const cached = entries.get(databaseUrl);
      if (cached && cached.expires > now) return cached.value;
      const value = load();
      entries.delete(databaseUrl); // re-inserted last: the Map's order is the eviction order
      entries.set(databaseUrl, { expires: now + options.ttlMs, value });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      // A failed read is not kept: the next request asks again.
      value.catch(() => {
        if (entries.get(databaseUrl)?.value === value) entries.delete(databaseUrl);
      });
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
