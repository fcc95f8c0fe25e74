// For tests of several instances' caches: waiting for the change feed's notices (server/shared/change-feed.ts).
import type { Change, ChangeFeed } from "@/server/shared/change-feed";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The promise's value, or a failure naming what did not happen in time. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what} not within ${ms} ms`)))]);
}

/** The next notice of a topic on a listener. */
export function nextNotice(feed: ChangeFeed, wanted: Change): Promise<void> {
  return new Promise((resolve) => {
    const stop = feed.onChange((change) => {
      if (change === wanted) resolve(void stop());
    });
  });
}
