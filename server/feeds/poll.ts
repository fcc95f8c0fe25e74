// Polling the registered news feeds (a recurring job). Each active feed is read on its own: a
// feed that cannot be read gets the reason in lastError and the others go on; a feed read well
// has its new headlines and its validators written in one transaction, so nothing is half-written
// and a second poll of the same items adds nothing. Only when no feed could even be connected
// to is the run itself a failure: SourceUnreachableError, which the job runner reports once an hour.
import { createPrismaClient, type Db } from "../db-client";
import { loopbackTargetsAllowed } from "../http/outbound-target";
import { SourceUnreachableError } from "../ingest/unreachable";
import { decodeFeedBytes } from "./decode";
import { FeedConnectionError, FeedReadError } from "./errors";
import { fetchFeed } from "./fetch";
import { countryMatcher, type KeywordLists } from "./keywords";
import { keywordListsOf } from "./lists";
import { readFeed, type FeedItemDraft } from "./parse";

export interface PollResult {
  read: number;
  kept: number;
}

interface PolledFeed {
  id: string;
  url: string;
  language: "fr" | "en" | "ar";
  countryCode: string;
  etag: string | null;
  lastModified: string | null;
}

const polledFeedSelect = { id: true, url: true, language: true, countryCode: true, etag: true, lastModified: true } as const;

/**
 * The headlines of a feed's items: those naming a tracked country other than the feed's own
 * (an outlet names its own country in nearly every item), with every tracked country they name.
 */
export function headlinesOf(feed: Pick<PolledFeed, "id" | "language" | "countryCode">, items: FeedItemDraft[], namedIn: (text: string) => string[], now: Date) {
  return items.flatMap((item) => {
    const countryCodes = namedIn(`${item.title}\n${item.summary ?? ""}`);
    if (!countryCodes.some((code) => code !== feed.countryCode)) return [];
    const listedAt = item.publishedAt && item.publishedAt < now ? item.publishedAt : now;
    return [
      {
        feedId: feed.id,
        itemKey: item.key,
        title: item.title,
        link: item.link,
        summary: item.summary,
        publishedAt: item.publishedAt,
        listedAt,
        language: feed.language,
        countryCodes,
      },
    ];
  });
}

async function pollOne(db: Db, feed: PolledFeed, namedIn: (text: string) => string[], signal: AbortSignal): Promise<PollResult> {
  const fetched = await fetchFeed({ url: feed.url, validators: { etag: feed.etag, lastModified: feed.lastModified }, signal, allowLoopback: loopbackTargetsAllowed() });
  const now = new Date();
  if (fetched.status === "not-modified") {
    await db.newsFeed.update({ where: { id: feed.id }, data: { lastPolledAt: now, lastError: null } });
    return { read: 0, kept: 0 };
  }
  const parsed = readFeed(decodeFeedBytes(fetched.bytes, fetched.contentType));
  const rows = headlinesOf(feed, parsed.items, namedIn, now);
  const kept = await db.$transaction(async (tx) => {
    const inserted = rows.length ? await tx.headline.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
    await tx.newsFeed.update({
      where: { id: feed.id },
      data: { ...fetched.validators, title: parsed.title ?? undefined, lastPolledAt: now, lastError: null },
    });
    return inserted.count;
  });
  return { read: parsed.items.length, kept };
}

let workerDb: Db | undefined;
/** The job runner may run outside Next (npm run worker), where server/db.ts (server-only) cannot be imported. */
function defaultDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: polling news feeds needs the database.");
  return (workerDb ??= createPrismaClient(url, { poolSize: 2 }));
}

/** Polls every active feed once; see the header for what a failure does. `db` defaults to DATABASE_URL's. */
export async function pollNewsFeeds(ctx: { signal: AbortSignal; db?: Db }): Promise<PollResult> {
  const db = ctx.db ?? defaultDb();
  const feeds = await db.newsFeed.findMany({ where: { active: true }, select: polledFeedSelect, orderBy: { createdAt: "asc" } });
  if (feeds.length === 0) return { read: 0, kept: 0 };
  const lists = await keywordListsOf(db);
  const namedIn = countryMatcher(new Map<string, KeywordLists>(lists.map((l) => [l.code, l])));
  const total: PollResult = { read: 0, kept: 0 };
  let unreachable = 0;
  for (const feed of feeds) {
    ctx.signal.throwIfAborted();
    try {
      const result = await pollOne(db, feed, namedIn, ctx.signal);
      total.read += result.read;
      total.kept += result.kept;
    } catch (error) {
      if (!(error instanceof FeedReadError)) throw error;
      if (error instanceof FeedConnectionError) unreachable++;
      await db.newsFeed.update({ where: { id: feed.id }, data: { lastPolledAt: new Date(), lastError: error.reason } });
    }
  }
  if (unreachable === feeds.length) throw new SourceUnreachableError("news feeds");
  return total;
}
