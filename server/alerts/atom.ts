// A user's personal Atom feed of alerts (/api/feeds/alerts.atom), read by a feed reader with one
// of the user's feed tokens (or a signed-in browser): their newest alerts, or one rule's with
// `?rule=<id>`. Another user's rule is not found, as on /alerts.
import { createTranslator, type useTranslations } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { authorizeExport, exportDialect, type SessionLookup } from "../agreements/export-access";
import type { Db } from "../db-client";
import { ATOM_TAG, atomDocument, latestUpdate } from "../http/atom";
import { answering } from "../http/errors";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";
import type { Prisma } from "../generated/prisma/client";
import { causeWordsFrom } from "./cause-language";
import { sayAlertCause, type CauseWords } from "./cause-words";

/** Feed readers want what is new: the same number the bell's list shows. */
export const ALERTS_IN_FEED = 50;

const feedAlertSelect = { id: true, cause: true, said: true, link: true, createdAt: true, dyad: { select: { key: true } } } satisfies Prisma.AlertSelect;
type FeedAlert = Prisma.AlertGetPayload<{ select: typeof feedAlertSelect }>;

/** The feed's words in the reader's language. */
type FeedWords = ReturnType<typeof useTranslations<"alerts.feed">>;

export const alertEntryId = (id: string) => `${ATOM_TAG}alert/${id}`;

/** The Atom document of alerts; `ruleId` narrows the feed (and its id) to one rule. */
export function alertsAtom({ origin, alerts, ruleId, now, t, causes }: { origin: string; alerts: readonly FeedAlert[]; ruleId: string | null; now: Date; t: FeedWords; causes: CauseWords }): string {
  const query = ruleId ? `?rule=${encodeURIComponent(ruleId)}` : "";
  return atomDocument({
    // Personal: the feed's id names no user, as its address does not; the token says whose it is.
    id: `${ATOM_TAG}alerts${ruleId ? `/rule/${ruleId}` : ""}`,
    title: ruleId ? t("ruleTitle") : t("title"),
    subtitle: t("subtitle"),
    updated: latestUpdate(alerts.map((a) => ({ updated: a.createdAt })), now),
    self: `${origin}/api/feeds/alerts.atom${query}`,
    alternate: `${origin}/alerts`,
    entries: alerts.map((a) => {
      const cause = sayAlertCause(a, causes);
      return { id: alertEntryId(a.id), title: t("entry", { target: a.dyad?.key ?? t("agreements"), cause }), link: `${origin}${a.link}`, published: a.createdAt, updated: a.createdAt, content: cause };
    }),
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
  if (ruleId !== null && (ruleId.length > 64 || !(await db.alertRule.count({ where: { id: ruleId, userId } })))) throw new AppError("NOT_FOUND", said("alertRuleNotFound"));
  const alerts = await db.alert.findMany({ where: { userId, ...(ruleId !== null && { ruleId }) }, select: feedAlertSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: ALERTS_IN_FEED });
  // A feed reader sends no language: the feed is in the one chosen on the reader's account (none: English).
  const { locale } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const messages = await loadMessages(language);
  const t = createTranslator({ locale: language, messages, namespace: "alerts.feed" });
  return new Response(alertsAtom({ origin: url.origin, alerts, ruleId, now, t, causes: causeWordsFrom(language, messages) }), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "private, max-age=60" },
  });
}
