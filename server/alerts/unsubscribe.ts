// The unsubscribe link of alert e-mail, /api/alerts/unsubscribe?token=…, signed out (RFC 8058):
// GET only shows what the link would stop and a button, so a mail scanner that opens links stops
// nothing; POST (the button, or a mail client's one click with `List-Unsubscribe=One-Click`) stops
// that e-mail at once. The token names the rule (its owner's e-mail) or one subscriber's
// subscription; the stop is audited as the recipient's change. The rule keeps alerting in the app.
import { recordAudit } from "../admin/audit";
import type { Db, DbOrTx } from "../db-client";
import { answering, type RefusalDialect } from "../http/errors";
import { directionOf, type Locale } from "../i18n/locales";
import { localeOfRequest } from "../i18n/negotiate";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";
import { createTranslator, type useTranslations } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { dyadIn, mailWordsIn } from "./email-language";
import { escapeHtml, type MailWords } from "./email";
import { mailingOfSubject, ruleOfUnsubscribeToken, type Mailing } from "./unsubscribe-token";
import { describeAgreementFilters } from "../agreements/filters";
import { agreementFilters } from "../agreements/schemas";

const country = { select: { code: true, name: true } } as const;
const ruleShown = { id: true, userId: true, email: true, kind: true, threshold: true, days: true, filter: true, dyad: { select: { a: country, b: country } } } as const;

/** A mailing as the link finds it: whose it is, whether it still mails, and the rule it is of. */
async function mailingNow(db: DbOrTx, mailing: Mailing) {
  if ("ruleId" in mailing) {
    const rule = await db.alertRule.findUnique({ where: { id: mailing.ruleId }, select: ruleShown });
    return rule && { recipientId: rule.userId, subscriptionId: null, email: rule.email, rule };
  }
  const subscription = await db.alertSubscription.findUnique({ where: { id: mailing.subscriptionId }, select: { userId: true, email: true, rule: { select: ruleShown } } });
  return subscription && { recipientId: subscription.userId, subscriptionId: mailing.subscriptionId, email: subscription.email, rule: subscription.rule };
}
type MailingNow = NonNullable<Awaited<ReturnType<typeof mailingNow>>>;

function mailingOfToken(token: string, secret: string): Mailing {
  const subject = ruleOfUnsubscribeToken(token, secret);
  if (!subject) throw new AppError("BAD_REQUEST", said("unsubscribeLinkInvalid"));
  return mailingOfSubject(subject);
}

/** Stops the e-mail the token names (a rule's owner's or a subscriber's); answers whether it was still mailing. */
export async function unsubscribeByToken({ db, token, secret }: { db: Db; token: string; secret: string }): Promise<{ stopped: boolean }> {
  const mailing = mailingOfToken(token, secret);
  return db.$transaction(async (tx) => {
    const now = await mailingNow(tx, mailing);
    // A deleted rule or subscription mails nobody: the link has nothing left to do.
    if (!now?.email) return { stopped: false };
    const { rule, recipientId, subscriptionId } = now;
    if (subscriptionId) await tx.alertSubscription.update({ where: { id: subscriptionId }, data: { email: false }, select: { id: true } });
    else await tx.alertRule.update({ where: { id: rule.id }, data: { email: false, version: { increment: 1 } }, select: { id: true } });
    await tx.alert.updateMany({ where: { ruleId: rule.id, userId: recipientId, emailState: "PENDING" }, data: { emailState: null, emailDueAt: null } });
    const whose = subscriptionId ? { subscriber: recipientId } : {};
    await recordAudit({ db: tx, actorId: recipientId, action: "UPDATE", entityType: "AlertRule", entityId: rule.id, before: { ...whose, email: true }, after: { ...whose, email: false, by: "unsubscribe link" } });
    return { stopped: true };
  });
}

/** What the confirmation page says will stop: the rule's dyad (or the agreements feed) and what it fires on. */
async function whatStops(words: MailWords, rule: MailingNow["rule"]): Promise<string> {
  const rules = createTranslator({ locale: words.locale, messages: await loadMessages(words.locale), namespace: "alerts.rules" });
  const filter = agreementFilters.safeParse(rule.filter);
  const described = rules("describe", { kind: rule.kind, threshold: rule.threshold ?? 0, days: rule.days ?? 0, words: filter.success ? describeAgreementFilters(filter.data) : rules("theFilter") });
  return words.t("unsubscribe.what", { target: rule.dyad ? dyadIn(words, rule.dyad) : words.t("agreements"), rule: described });
}

function page({ t, locale }: { t: ReturnType<typeof useTranslations<"email">>; locale: Locale }, body: string): Response {
  const html =
    `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(t("unsubscribe.title"))}</title></head>` +
    `<body><h1>${escapeHtml(t("unsubscribe.title"))}</h1>${body}<p><a href="/alerts">${escapeHtml(t("unsubscribe.back"))}</a></p></body></html>`;
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * GET: the confirmation page (what will stop, and a button that POSTs here with the one-click
 * body); POST: the stop itself. The token alone authorises both.
 */
export function createUnsubscribeHandler({ db, secret }: { db: () => Db; secret: () => string }) {
  return async (request: Request) => {
    const words = await mailWordsIn(localeOfRequest(request.headers));
    // The only refusal here is a bad token: said in the reader's language.
    const refusal: RefusalDialect = { body: (error) => ({ error: error.code === "BAD_REQUEST" ? words.t("unsubscribe.invalid") : error.message }) };
    return answering(async () => {
      const url = new URL(request.url);
      const token = url.searchParams.get("token") ?? "";
      if (request.method === "POST") {
        const { stopped } = await unsubscribeByToken({ db: db(), token, secret: secret() });
        return page(words, `<p>${escapeHtml(stopped ? words.t("unsubscribe.stopped") : words.t("unsubscribe.already"))}</p>`);
      }
      const now = await mailingNow(db(), mailingOfToken(token, secret()));
      if (!now?.email) return page(words, `<p>${escapeHtml(words.t("unsubscribe.already"))}</p>`);
      const action = `${url.pathname}?token=${encodeURIComponent(token)}`;
      return page(
        words,
        `<p dir="auto">${escapeHtml(await whatStops(words, now.rule))}</p>` +
          `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(words.t("unsubscribe.confirm"))}</button></form>`,
      );
    }, refusal);
  };
}
