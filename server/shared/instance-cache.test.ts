// An instance's in-memory cache: kept while its change listener listens, dropped on a notice
// for its topic or a lost connection, read through while deaf, bounded in time and entries.
import { describe, expect, it } from "vitest";
import type { Change, ChangeFeed } from "./change-feed";
import { instanceCache } from "./instance-cache";

function fakeFeed(listening = true) {
  const handlers = new Set<(change: Change) => void>();
  const feed: ChangeFeed & { listening: boolean; announce(change: Change): void } = {
    listening,
    onChange: (handler) => (handlers.add(handler), () => handlers.delete(handler)),
    ready: async () => undefined,
    close: async () => undefined,
    announce: (change) => handlers.forEach((handler) => handler(change)),
  };
  return feed;
}

function counter() {
  let loads = 0;
  return { load: async () => [`read ${++loads}`], loads: () => loads };
}

const URL_A = "postgres://a/db";

describe("instanceCache", () => {
  it("keeps a value until its topic is announced, then reads again when next asked", async () => {
    const feed = fakeFeed();
    const cache = instanceCache<string[]>({ topic: "sectors", ttlMs: 60_000, feedFor: () => feed });
    const { load, loads } = counter();
    expect(await cache.get({ databaseUrl: URL_A, load })).toEqual(["read 1"]);
    expect(await cache.get({ databaseUrl: URL_A, load })).toEqual(["read 1"]);
    feed.announce("sectors");
    await cache.settled();
    expect(loads()).toBe(1); // not read ahead of the next caller
    expect(await cache.get({ databaseUrl: URL_A, load })).toEqual(["read 2"]);
    feed.announce("everything"); // the connection was lost or regained: anything may have changed
    expect(await cache.get({ databaseUrl: URL_A, load })).toEqual(["read 3"]);
    expect(loads()).toBe(3);
  });

  it("keeps only the values it is told to keep, asking again for the others", async () => {
    const feed = fakeFeed();
    const cache = instanceCache<string[]>({ topic: "sessions", ttlMs: 60_000, feedFor: () => feed, keep: (value) => value.length > 0 });
    let loads = 0;
    const load = async () => (++loads < 3 ? [] : ["signed in"]);
    expect(await cache.get({ databaseUrl: URL_A, key: "cookie", load })).toEqual([]);
    expect(await cache.get({ databaseUrl: URL_A, key: "cookie", load })).toEqual([]);
    expect(cache.size).toBe(0);
    expect(await cache.get({ databaseUrl: URL_A, key: "cookie", load })).toEqual(["signed in"]);
    expect(await cache.get({ databaseUrl: URL_A, key: "cookie", load })).toEqual(["signed in"]);
    expect(loads).toBe(3);
  });

  it("reads through while its listener is down: a notice may be missed meanwhile", async () => {
    const feed = fakeFeed(false);
    const cache = instanceCache<string[]>({ topic: "sectors", ttlMs: 60_000, feedFor: () => feed });
    const { load, loads } = counter();
    await cache.get({ databaseUrl: URL_A, load });
    await cache.get({ databaseUrl: URL_A, load });
    expect(loads()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("without a listener (a script), keeps a value for its time to live only", async () => {
    const cache = instanceCache<string[]>({ topic: "sectors", ttlMs: 60_000, feedFor: () => undefined });
    const { load } = counter();
    const now = Date.now();
    expect(await cache.get({ databaseUrl: URL_A, load, now })).toEqual(["read 1"]);
    expect(await cache.get({ databaseUrl: URL_A, load, now: now + 59_000 })).toEqual(["read 1"]);
    expect(await cache.get({ databaseUrl: URL_A, load, now: now + 61_000 })).toEqual(["read 2"]);
  });

  it("without a listener, reads each time when told to (a value tests write and read at once)", async () => {
    const cache = instanceCache<string[]>({ topic: "dyads", ttlMs: 60_000, feedFor: () => undefined, withoutListener: "readThrough" });
    const { load } = counter();
    expect(await cache.get({ databaseUrl: URL_A, load })).toEqual(["read 1"]);
    expect(await cache.get({ databaseUrl: URL_A, load })).toEqual(["read 2"]);
    expect(cache.size).toBe(0);
  });

  it("holds at most maxEntries databases' values, forgetting the least recently loaded", async () => {
    const cache = instanceCache<string[]>({ topic: "sectors", ttlMs: 60_000, maxEntries: 2, feedFor: () => undefined });
    const { load } = counter();
    for (const url of ["postgres://a/1", "postgres://a/2", "postgres://a/3"]) await cache.get({ databaseUrl: url, load });
    expect(cache.size).toBe(2);
    expect(await cache.get({ databaseUrl: "postgres://a/1", load })).toEqual(["read 4"]);
  });

  it("keeps one value per question, and drops a database's all on a notice for any of its topics", async () => {
    const feed = fakeFeed();
    const cache = instanceCache<string[]>({ topic: ["index", "dyads"], ttlMs: 60_000, feedFor: () => feed });
    const { load, loads } = counter();
    const ask = (key: string, databaseUrl = URL_A) => cache.get({ databaseUrl, key, load });
    expect(await ask("summaries {}")).toEqual(["read 1"]);
    expect(await ask("series {\"keys\":[\"FRA-MAR\"]}")).toEqual(["read 2"]);
    expect(await ask("summaries {}")).toEqual(["read 1"]);
    expect(await ask("summaries {}", "postgres://b/db")).toEqual(["read 3"]);
    feed.announce("sectors"); // not one of its topics
    expect(await ask("summaries {}")).toEqual(["read 1"]);
    feed.announce("dyads");
    expect(await ask("summaries {}")).toEqual(["read 4"]);
    expect(await ask("series {\"keys\":[\"FRA-MAR\"]}")).toEqual(["read 5"]);
    feed.announce("index");
    expect(await ask("series {\"keys\":[\"FRA-MAR\"]}")).toEqual(["read 6"]);
    expect(loads()).toBe(6);
  });

  it("reads a value asked for in its last seconds again behind its callers, who get the new one without waiting at expiry", async () => {
    const feed = fakeFeed();
    const cache = instanceCache<string[]>({ topic: "sectors", ttlMs: 60_000, feedFor: () => feed });
    const { load, loads } = counter();
    const ask = (now: number) => cache.get({ databaseUrl: URL_A, load, now });
    expect(await ask(0)).toEqual(["read 1"]);
    expect(await ask(50_000)).toEqual(["read 1"]); // not yet in its last seconds
    expect(loads()).toBe(1);
    expect(await ask(55_000)).toEqual(["read 1"]); // the caller gets the kept value; a read starts behind it
    expect(await ask(56_000)).toEqual(["read 2"]);
    expect(await ask(100_000)).toEqual(["read 2"]); // kept a minute from that read's start
    expect(loads()).toBe(2);
  });

  it("does not keep a value read again behind its callers when a notice dropped it meanwhile: that read may predate the write", async () => {
    const feed = fakeFeed();
    const cache = instanceCache<string[]>({ topic: "sectors", ttlMs: 60_000, feedFor: () => feed });
    let release = () => {};
    let loads = 0;
    const load = () => {
      loads++;
      if (loads !== 2) return Promise.resolve([`read ${loads}`]);
      return new Promise<string[]>((resolve) => (release = () => resolve(["read 2, from before the write"])));
    };
    const ask = (now: number) => cache.get({ databaseUrl: URL_A, load, now });
    expect(await ask(0)).toEqual(["read 1"]);
    expect(await ask(55_000)).toEqual(["read 1"]);
    expect(loads).toBe(2);
    feed.announce("sectors");
    release();
    await Promise.resolve();
    expect(await ask(56_000)).toEqual(["read 3"]);
    expect(await ask(57_000)).toEqual(["read 3"]);
  });

  it("forgets a value whose read behind its callers is one not to keep (a session now refused)", async () => {
    const cache = instanceCache<string | null>({ topic: "sessions", ttlMs: 60_000, feedFor: () => fakeFeed(), keep: (v) => v !== null });
    const answers = ["signed in", null, null];
    let loads = 0;
    const load = async () => answers[loads++] ?? null;
    const ask = (now: number) => cache.get({ databaseUrl: URL_A, load, now });
    expect(await ask(0)).toBe("signed in");
    expect(await ask(55_000)).toBe("signed in");
    await Promise.resolve();
    expect(await ask(56_000)).toBeNull();
    expect(loads).toBe(3);
  });

  it("does not keep a failed read", async () => {
    const cache = instanceCache<string[]>({ topic: "sectors", ttlMs: 60_000, feedFor: () => fakeFeed() });
    await expect(cache.get({ databaseUrl: URL_A, load: () => Promise.reject(new Error("gone")) })).rejects.toThrow("gone");
    expect(cache.size).toBe(0);
  });

  describe("with refreshAhead", () => {
    const refreshing = (feed: ReturnType<typeof fakeFeed>) => instanceCache<string[]>({ topic: "index", ttlMs: 60_000, feedFor: () => feed, refreshAhead: true });

    it("reads again at once what a notice drops, so the next caller gets the new value without waiting for a read", async () => {
      const feed = fakeFeed();
      const cache = refreshing(feed);
      const { load, loads } = counter();
      expect(await cache.get({ databaseUrl: URL_A, key: "map", load })).toEqual(["read 1"]);
      feed.announce("index");
      expect(loads()).toBe(2); // started by the notice, before anyone asked
      await cache.settled();
      expect(await cache.get({ databaseUrl: URL_A, key: "map", load })).toEqual(["read 2"]);
      expect(loads()).toBe(2);
    });

    it("stops reading ahead what no caller asked for since its last read", async () => {
      const feed = fakeFeed();
      const cache = refreshing(feed);
      const { load, loads } = counter();
      await cache.get({ databaseUrl: URL_A, key: "map", load });
      feed.announce("index");
      await cache.settled();
      feed.announce("index"); // nobody read "read 2": a third read would be for no one
      await cache.settled();
      expect(loads()).toBe(2);
      expect(cache.size).toBe(0);
      expect(await cache.get({ databaseUrl: URL_A, key: "map", load })).toEqual(["read 3"]);
    });

    it("reads three at a time, the most asked first, and skips what a caller has filled meanwhile", async () => {
      const feed = fakeFeed();
      const cache = refreshing(feed);
      let inFlight = 0;
      let most = 0;
      const reads: string[] = []; // in the order they started
      const loader = (key: string) => async () => {
        reads.push(key);
        const label = `${key} ${reads.length}`;
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return [label];
      };
      // Asked for once (the read), plus as many hits as the key's position: "e" is the most asked.
      const keys = ["a", "b", "c", "d", "e"];
      for (const [hits, key] of keys.entries()) for (let i = 0; i <= hits; i++) await cache.get({ databaseUrl: URL_A, key, load: loader(key) });
      reads.length = 0;
      feed.announce("index");
      expect(reads).toEqual(["e", "d", "c"]); // the three most asked, side by side
      // "a" is asked for while they are read: its caller reads it, the refresh does not.
      expect(await cache.get({ databaseUrl: URL_A, key: "a", load: loader("a") })).toEqual(["a 4"]);
      await cache.settled();
      expect(reads).toEqual(["e", "d", "c", "a", "b"]);
      expect(most).toBe(4); // three ahead and the caller's own, never more
      expect(await cache.get({ databaseUrl: URL_A, key: "b", load: loader("b") })).toEqual(["b 5"]);
      expect(reads).toHaveLength(5);
    });

    it("reads again what a second notice drops while it was being read ahead: that read may predate the write", async () => {
      const feed = fakeFeed();
      const cache = refreshing(feed);
      let n = 0;
      let release: () => void = () => undefined;
      const load = () => {
        const read = ++n;
        return read === 2 ? new Promise<string[]>((resolve) => (release = () => resolve([`read ${read}`]))) : Promise.resolve([`read ${read}`]);
      };
      await cache.get({ databaseUrl: URL_A, key: "map", load });
      feed.announce("index"); // read 2 starts and hangs
      feed.announce("index"); // read 2 is dropped unanswered; read 3 must follow it
      release();
      await cache.settled();
      expect(n).toBe(3);
      expect(await cache.get({ databaseUrl: URL_A, key: "map", load })).toEqual(["read 3"]);
    });

    it("keeps reading ahead after a read that failed, even one that threw before it began", async () => {
      const feed = fakeFeed();
      const cache = refreshing(feed);
      let n = 0;
      const load = () => {
        n++;
        if (n === 2) throw new Error("no connection");
        if (n === 3) return Promise.reject(new Error("gone"));
        return Promise.resolve([`read ${n}`]);
      };
      await cache.get({ databaseUrl: URL_A, key: "map", load });
      feed.announce("index"); // read 2 throws at once
      await cache.settled();
      expect(await cache.get({ databaseUrl: URL_A, key: "map", load }).catch((e: Error) => e.message)).toBe("gone"); // the caller's own read 3
      expect(await cache.get({ databaseUrl: URL_A, key: "map", load })).toEqual(["read 4"]);
      feed.announce("index");
      await cache.settled();
      expect(n).toBe(5); // read ahead again: the failures stopped nothing
      expect(await cache.get({ databaseUrl: URL_A, key: "map", load })).toEqual(["read 5"]);
    });

    it("reads nothing ahead while its listener is down", async () => {
      const feed = fakeFeed();
      const cache = refreshing(feed);
      const { load, loads } = counter();
      await cache.get({ databaseUrl: URL_A, key: "map", load });
      feed.listening = false;
      feed.announce("everything");
      await cache.settled();
      expect(loads()).toBe(1);
    });
  });
});
