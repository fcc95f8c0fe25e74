// How an app instance hears that data it keeps in memory changed, whichever instance (or
// machine, or script) wrote it: PostgreSQL LISTEN on one connection per instance. Triggers send
// the notices when the writing transaction commits (prisma/migrations/*_change_notices). The
// connection reconnects by itself; while it is down nothing may be trusted from memory, so
// caches read through (server/shared/instance-cache.ts). Notices reach only listeners on the
// server where the write happened: listen on the primary, never on a read replica.
import { Client } from "pg";

export const CHANGES_CHANNEL = "maghreb_changes";

/** What a notice names: one word per cached thing, as the triggers send it. */
const TOPICS = ["sectors", "dyads", "index", "sessions", "agreements"] as const;
export type ChangeTopic = (typeof TOPICS)[number];
const isTopic = (payload: string): payload is ChangeTopic => (TOPICS as readonly string[]).includes(payload);

/** A topic that changed, or "everything": notices may have been missed (connection lost or regained). */
export type Change = ChangeTopic | "everything";

export interface ChangeFeed {
  /** Connected and listening: only then is a cached value known to be current. */
  readonly listening: boolean;
  onChange(handler: (change: Change) => void): () => void;
  /** Resolves once listening (the first time, or again after a loss). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

function untilResolved(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 5_000;

export function listenForChanges(options: { databaseUrl: string; log?: (line: string) => void }): ChangeFeed {
  const log = options.log ?? ((line: string) => console.log(`[maghreb] ${line}`));
  const handlers = new Set<(change: Change) => void>();
  const emit = (change: Change) => handlers.forEach((handler) => handler(change));
  let client: Client | null = null;
  let listening = false;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;
  let whenListening = untilResolved();

  const lost = (reason: string) => {
    if (closed || !client) return;
    const wasListening = listening;
    client.removeAllListeners();
    client.on("error", () => undefined); // a late error from the dropped client
    void client.end().catch(() => undefined);
    client = null;
    listening = false;
    if (wasListening) {
      log(`Change notices: connection lost (${reason}); cached lists are read through until it is back.`);
      whenListening = untilResolved();
      emit("everything");
    }
    retry = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  };

  function connect() {
    if (closed) return;
    // Keepalive: a connection dropped without a word (a NAT, a dead machine) is found and replaced.
    const next = new Client({ connectionString: options.databaseUrl, keepAlive: true, keepAliveInitialDelayMillis: 5_000 });
    client = next;
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("closed by the server"));
    next.on("notification", (notice) => {
      if (notice.channel === CHANGES_CHANNEL && notice.payload) emit(isTopic(notice.payload) ? notice.payload : "everything");
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${CHANGES_CHANNEL}`))
      .then(() => {
        if (client !== next || closed) return;
        if (retryMs > FIRST_RETRY_MS) log("Change notices: listening again.");
        listening = true;
        retryMs = FIRST_RETRY_MS;
        emit("everything"); // whatever was read while deaf may be stale
        whenListening.resolve();
      })
      .catch((error: unknown) => {
        if (client === next) lost(error instanceof Error ? error.message : String(error));
      });
  }

  connect();
  return {
    get listening() {
      return listening;
    },
    onChange(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    ready: () => whenListening.promise,
    async close() {
      closed = true;
      clearTimeout(retry);
      listening = false;
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

// On globalThis: Next may bundle this module into several chunks, each with its own module scope.
const registry = globalThis as { changeFeeds?: Map<string, ChangeFeed> };
const feeds = (registry.changeFeeds ??= new Map<string, ChangeFeed>());

/** Starts this process's listener on a database, once; the app server calls it with its primary. */
export function watchChanges(databaseUrl: string): ChangeFeed {
  let feed = feeds.get(databaseUrl);
  if (!feed) feeds.set(databaseUrl, (feed = listenForChanges({ databaseUrl })));
  return feed;
}

/** This process's listener on a database, if it has one (scripts and most tests do not). */
export function changeFeedOf(databaseUrl: string): ChangeFeed | undefined {
  return feeds.get(databaseUrl);
}

/** Stops and forgets a listener (tests). */
export async function stopWatching(databaseUrl: string): Promise<void> {
  await feeds.get(databaseUrl)?.close();
  feeds.delete(databaseUrl);
}
