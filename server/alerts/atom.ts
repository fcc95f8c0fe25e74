// A user's personal Atom feed of alerts (/api/feeds/alerts.atom), read by a feed reader with one
// of the user's feed tokens (or a signed-in browser): their newest alerts, or one rule's with
// `?rule=<id>`. Another user's rule is not found, as on /alerts.
import { authorizeExport, exportDialect, type SessionLookup } from "../agreements/export-access";
import type { Db } from "../db-client";
import { ATOM_TAG, atomDocument, latestUpdate } from "../http/atom";
import { answering } from "../http/errors";
import { AppError } from "../shared/errors";
import type { Prisma } from "../generated/prisma/client";

/** Feed readers want what is new: the same number the bell's list shows. */
export const ALERTS_IN_FEED = 50;

const feedAlertSelect = { id: true, cause: true, link: true, createdAt: true, dyad: { select: { key: true } } } satisfies Prisma.AlertSelect;
type FeedAlert = Prisma.AlertGetPayload<{ select: typeof feedAlertSelect }>;

export const alertEntryId = (id: string) => `${ATOM_TAG}alert/${id}`;

/** The Atom document of alerts; `ruleId` narrows the feed (and its id) to one rule. */
export function alertsAtom({ origin, alerts, ruleId, now }: { origin: string; alerts: readonly FeedAlert[]; ruleId: string | null; now: Date }): string {
  const query = ruleId ? `?rule=${encodeURIComponent(ruleId)}` : "";
  return atomDocument({
    // Personal: the feed's id names no user, as its address does not; the token says whose it is.
    id: `${ATOM_TAG}alerts${ruleId ? `/rule/${ruleId}` : ""}`,
    title: ruleId ? "Maghreb Monitor — alerts of one rule" : "Maghreb Monitor — your alerts",
    subtitle: "Your alerts, newest first, each linking to what caused it.",
    updated: latestUpdate(alerts.map((a) => ({ updated: a.createdAt })), now),
    self: `${origin}/api/feeds/alerts.atom${query}`,
    alternate: `${origin}/alerts`,
    entries: alerts.map((a) => ({
      id: alertEntryId(a.id),
      title: `${a.dyad?.key ?? "Agreements"}: ${a.cause}`,
      link: `${origin}${a.link}`,
      published: a.createdAt,
      updated: a.createdAt,
      content: a.cause,
    })),
  });
}

/** The feed, a 401 with what to do (no, unknown, revoked or expired token), 404 for a rule not theirs, or 503. */
export function alertsFeed(input: { db: Db; request: Request; session?: SessionLookup; now?: Date }): Promise<Response> {
  return answering(() => feedOrRefusal(input), exportDialect);
}

async function feedOrRefusal({ db, request, session, now = new Date() }: { db: Db; request: Request; session?: SessionLookup; now?: Date }): Promise<Response> {
  const { userId } = await authorizeExport({ db, request, session });
  const url = new URL(request.url);
  const ruleId = url.searchParams.get("rule");
  if (ruleId !== null && (ruleId.length > 64 || !(await db.alertRule.count({ where: { id: ruleId, userId } })))) throw new AppError("NOT_FOUND", "No such alert rule of yours.");
  const alerts = await db.alert.findMany({ where: { userId, ...(ruleId !== null && { ruleId }) }, select: feedAlertSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: ALERTS_IN_FEED });
  return new Response(alertsAtom({ origin: url.origin, alerts, ruleId, now }), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "private, max-age=60" },
  });
}
