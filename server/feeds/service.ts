// News feeds for admins: register, pause and remove feeds, go through their headlines (dismiss
// one, or turn it into an event), and edit the keyword lists the poller matches. Every change is
// written with its audit entry in the same transaction.
import type { Db, DbOrTx } from "../db-client";
import { loopbackTargetsAllowed, refusedTargetUrl, type TargetNeed } from "../http/outbound-target";
import type { Prisma } from "../generated/prisma/client";
import { isUniqueViolation } from "../shared/unique-violation";
import { recordAudit } from "../admin/audit";
import { createEvent } from "../events/write";
import type { EventInput } from "../events/schemas";
import { isoDayOf } from "../scope/day";
import { DRAFT_KINDS } from "../drafts/kinds";
import { submitDrafts } from "../drafts/submit";
import { AppError, fieldError } from "../shared/errors";
import { said } from "../shared/said";
import { keywordListsOf, trackedCountries } from "./lists";
import { HEADLINES_PER_PAGE, type CountryKeywordsInput, type FeedInput, type headlinesInput } from "./schemas";
import type { z } from "zod";

export const feedSelect = {
  id: true,
  url: true,
  title: true,
  language: true,
  countryCode: true,
  active: true,
  lastPolledAt: true,
  lastError: true,
  createdAt: true,
} satisfies Prisma.NewsFeedSelect;

export const headlineSelect = {
  id: true,
  title: true,
  link: true,
  summary: true,
  publishedAt: true,
  listedAt: true,
  language: true,
  countryCodes: true,
  status: true,
  eventId: true,
  feed: { select: { id: true, title: true, url: true, countryCode: true } },
} satisfies Prisma.HeadlineSelect;

/** What outbound-target finds a feed's address lacks, said in the reader's language. */
const FEED_NEEDS: Record<TargetNeed, () => string> = {
  https: () => said("feedNeedsHttp"),
  httpOrHttps: () => said("feedNeedsHttp"),
  noCredentials: () => said("feedNeedsNoCredentials"),
  resolvable: () => said("feedNeedsResolvable"),
  public: () => said("feedNeedsPublic"),
};

const notFound = (what: "feed" | "headline") => new AppError("NOT_FOUND", said("feedThingRemoved", { what }));

export async function listFeeds({ db }: { db: Db }) {
  const feeds = await db.newsFeed.findMany({ select: { ...feedSelect, _count: { select: { headlines: { where: { status: "NEW" } } } } }, orderBy: { createdAt: "asc" } });
  return feeds.map(({ _count, ...feed }) => ({ ...feed, newHeadlines: _count.headlines }));
}

export async function registerFeed({ db, actorId, input, allowLoopback = loopbackTargetsAllowed() }: { db: Db; actorId: string; input: FeedInput; allowLoopback?: boolean }) {
  // An address inside our network would let an admin probe it through the poller. A host name is
  // resolved and judged before each poll (fetch.ts): it may not resolve from here right now.
  const refused = await refusedTargetUrl(input.url, { schemes: "http-or-https", allowLoopback, resolve: false });
  if (refused) throw fieldError("BAD_REQUEST", "url", FEED_NEEDS[refused]());
  const country = await db.country.findUnique({ where: { code: input.country }, select: { code: true } });
  if (!country) throw fieldError("BAD_REQUEST", "country", said("noCountryRecorded", { country: input.country }));
  try {
    return await db.$transaction(async (tx) => {
      const feed = await tx.newsFeed.create({
        data: { url: input.url, language: input.language, countryCode: input.country, createdById: actorId },
        select: feedSelect,
      });
      await recordAudit({ db: tx, actorId, action: "CREATE", entityType: "NewsFeed", entityId: feed.id, before: null, after: input });
      return feed;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "url", said("feedRegistered"));
    throw error;
  }
}

export async function setFeedActive({ db, actorId, id, active }: { db: Db; actorId: string; id: string; active: boolean }) {
  return db.$transaction(async (tx) => {
    const before = await tx.newsFeed.findUnique({ where: { id }, select: { active: true } });
    if (!before) throw notFound("feed");
    const feed = await tx.newsFeed.update({ where: { id }, data: { active }, select: feedSelect });
    await recordAudit({ db: tx, actorId, action: "UPDATE", entityType: "NewsFeed", entityId: id, before, after: { active } });
    return feed;
  });
}

/** Removes a feed and its headlines; events made from them stay, with their sources. */
export async function deleteFeed({ db, actorId, id }: { db: Db; actorId: string; id: string }) {
  await db.$transaction(async (tx) => {
    const before = await tx.newsFeed.findUnique({ where: { id }, select: { url: true, language: true, countryCode: true, active: true } });
    if (!before) throw notFound("feed");
    await tx.newsFeed.delete({ where: { id } });
    await recordAudit({ db: tx, actorId, action: "DELETE", entityType: "NewsFeed", entityId: id, before, after: null });
  });
  return { deleted: true };
}

/** Headlines newest first, a page at a time. */
/** One headline as the admin pages list it. */
export type HeadlineRow = Awaited<ReturnType<typeof listHeadlines>>["items"][number];

export async function listHeadlines({ db, filter }: { db: Db; filter: z.output<typeof headlinesInput> }) {
  const where: Prisma.HeadlineWhereInput = {
    feedId: filter.feedId,
    status: filter.status,
    ...(filter.country ? { countryCodes: { has: filter.country } } : {}),
  };
  const [total, items] = await Promise.all([
    db.headline.count({ where }),
    db.headline.findMany({
      where,
      select: headlineSelect,
      orderBy: [{ listedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * HEADLINES_PER_PAGE,
      take: HEADLINES_PER_PAGE,
    }),
  ]);
  return { items, total, page: filter.page, pages: Math.max(1, Math.ceil(total / HEADLINES_PER_PAGE)) };
}

async function markHeadline(tx: DbOrTx, input: { actorId: string; id: string; from: "NEW" | "NEW_OR_DISMISSED"; status: "USED" | "DISMISSED"; eventId?: string }) {
  const { actorId, id, status, eventId } = input;
  const before = await tx.headline.findUnique({ where: { id }, select: { status: true, eventId: true } });
  if (!before) throw notFound("headline");
  const allowed = input.from === "NEW" ? ["NEW"] : ["NEW", "DISMISSED"];
  if (!allowed.includes(before.status)) {
    throw new AppError("CONFLICT", before.status === "USED" ? said("headlineUsed") : said("headlineDismissed"));
  }
  const after = { status, eventId: eventId ?? null };
  await tx.headline.update({ where: { id }, data: { ...after, reviewedById: actorId, reviewedAt: new Date() } });
  await recordAudit({ db: tx, actorId, action: "UPDATE", entityType: "Headline", entityId: id, before, after });
  return after;
}

export function dismissHeadline({ db, actorId, id }: { db: Db; actorId: string; id: string }) {
  return db.$transaction((tx) => markHeadline(tx, { actorId, id, from: "NEW", status: "DISMISSED" }));
}

/** The event form's starting values for a headline: its title, its day, and its item as the source. */
export async function eventDraftOf({ db, id, today }: { db: Db; id: string; today: string }) {
  const headline = await db.headline.findUnique({ where: { id }, select: headlineSelect });
  if (!headline) throw notFound("headline");
  const day = headline.publishedAt ? isoDayOf(headline.publishedAt) : today;
  const date = day > today ? today : day;
  const named = new Set([...headline.countryCodes, headline.feed.countryCode]);
  const dyads = await db.dyad.findMany({ where: { tracked: true }, select: { key: true, countryA: true, countryB: true }, orderBy: { key: "asc" } });
  // The tracked dyad both of whose countries the item names (the outlet's own counts), if any.
  const dyad = dyads.find((d) => named.has(d.countryA) && named.has(d.countryB));
  const publisher = headline.feed.title ?? new URL(headline.feed.url).host;
  const inReview = headline.status === "USED" && headline.eventId === null && (await db.draft.count({ where: { fromHeadlineId: id, status: { in: ["PENDING", "RETURNED"] } } })) > 0;
  return {
    inReview,
    headline: { id: headline.id, status: headline.status, eventId: headline.eventId, link: headline.link, title: headline.title },
    values: {
      title: headline.title.slice(0, 200),
      date,
      ...(dyad ? { dyad: dyad.key, actor: dyad.countryA, target: dyad.countryB } : {}),
      sources: [{ publisher: publisher.slice(0, 200), title: headline.title.slice(0, 300), url: headline.link, publishedOn: date }],
    } satisfies Partial<EventInput>,
  };
}

/**
 * Saves the event form opened from a headline, then marks the headline as used by it. The event
 * carries the headline as its external id, so the same headline can never become two events,
 * even from two tabs; a save that stopped between the two steps is finished by the next one.
 */
export async function createEventFromHeadline({ db, actorId, headlineId, data, today }: { db: Db; actorId: string; headlineId: string; data: EventInput; today?: number }) {
  const headline = await db.headline.findUnique({ where: { id: headlineId }, select: { status: true } });
  if (!headline) throw notFound("headline");
  if (headline.status === "USED") throw new AppError("CONFLICT", said("headlineUsed"));
  const externalId = `headline:${headlineId}`;
  let created: { id: string; version: number };
  try {
    created = await createEvent({ db, actorId, data, today, origin: { provenance: "FEED", externalId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.event.findUnique({ where: { externalId }, select: { id: true, version: true } });
    if (!existing) throw error;
    created = existing;
  }
  await db.$transaction((tx) => markHeadline(tx, { actorId, id: headlineId, from: "NEW_OR_DISMISSED", status: "USED", eventId: created.id }));
  return created;
}

/**
 * "Make event" while review is required: the form's event becomes a draft authored by the admin,
 * and the headline is marked used (by no event yet) in the same transaction, so it leaves the list
 * of new headlines and cannot be drafted twice. Publishing the draft links the headline to its
 * event (linkHeadlineToEvent); withdrawing it puts the headline back (releaseHeadline).
 */
export async function draftEventFromHeadline({ db, actorId, headlineId, data, today }: { db: Db; actorId: string; headlineId: string; data: EventInput; today: number }) {
  const headline = await db.headline.findUnique({ where: { id: headlineId }, select: { status: true, title: true } });
  if (!headline) throw notFound("headline");
  if (headline.status === "USED") throw new AppError("CONFLICT", said("headlineUsed"));
  await DRAFT_KINDS.Event.checkReferences(db, data, today);
  const id = await db.$transaction(async (tx) => {
    await markHeadline(tx, { actorId, id: headlineId, from: "NEW_OR_DISMISSED", status: "USED" });
    const [draftId = ""] = await submitDrafts(tx, {
      authorId: actorId,
      source: `feeds: ${headline.title}`,
      drafts: [{ recordType: "Event", values: data, title: data.title, provenance: "FEED", externalId: `headline:${headlineId}`, fromHeadlineId: headlineId }],
    });
    return draftId;
  });
  return { id, draft: true as const };
}

/** A drafted headline's event is published: the headline now names it. */
export async function linkHeadlineToEvent(tx: DbOrTx, input: { actorId: string; id: string; eventId: string }) {
  const before = await tx.headline.findUnique({ where: { id: input.id }, select: { status: true, eventId: true } });
  // A headline removed with its feed meanwhile: the event stands on its own.
  if (!before) return;
  const after = { status: "USED" as const, eventId: input.eventId };
  await tx.headline.update({ where: { id: input.id }, data: after });
  await recordAudit({ db: tx, actorId: input.actorId, action: "UPDATE", entityType: "Headline", entityId: input.id, before, after });
}

/** A drafted headline's draft was withdrawn: the headline is new again, for another try or a dismissal. */
export async function releaseHeadline(tx: DbOrTx, input: { actorId: string; id: string }) {
  const { count } = await tx.headline.updateMany({ where: { id: input.id, status: "USED", eventId: null }, data: { status: "NEW", reviewedById: null, reviewedAt: null } });
  if (count) await recordAudit({ db: tx, actorId: input.actorId, action: "UPDATE", entityType: "Headline", entityId: input.id, before: { status: "USED", eventId: null }, after: { status: "NEW" } });
}

export function countryKeywords({ db }: { db: Db }) {
  return keywordListsOf(db);
}

export async function saveCountryKeywords({ db, actorId, input }: { db: Db; actorId: string; input: CountryKeywordsInput }) {
  const { country, ...lists } = input;
  const tracked = await trackedCountries(db);
  if (!tracked.some((c) => c.code === country)) throw fieldError("BAD_REQUEST", "country", said("notTrackedCountry", { country }));
  const unique = (list: string[]) => [...new Set(list)];
  const after = { fr: unique(lists.fr), en: unique(lists.en), ar: unique(lists.ar) };
  return db.$transaction(async (tx) => {
    const before = (await keywordListsOf(tx)).find((l) => l.code === country);
    await tx.countryKeywords.upsert({ where: { countryCode: country }, create: { countryCode: country, ...after, updatedById: actorId }, update: { ...after, updatedById: actorId } });
    await recordAudit({
      db: tx,
      actorId,
      action: "UPDATE",
      entityType: "CountryKeywords",
      entityId: country,
      before: before ? { fr: before.fr, en: before.en, ar: before.ar, edited: before.edited } : null,
      after,
    });
    return { country, ...after };
  });
}
