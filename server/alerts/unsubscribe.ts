// The unsubscribe link of alert e-mail, /api/alerts/unsubscribe?token=…: GET (the link in the
// message) and POST (a mail client's one click, RFC 8058) both stop the rule's e-mail, signed out,
// and are audited as the rule's owner's change. The rule itself keeps firing in the app.
import { recordAudit } from "../admin/audit";
import type { Db } from "../db-client";
import { answering, type RefusalDialect } from "../http/errors";
import type { useTranslations } from "next-intl";
import { directionOf, type Locale } from "../i18n/locales";
import { localeOfRequest } from "../i18n/negotiate";
import { AppError } from "../shared/errors";
import { mailWordsIn } from "./email-language";
import { ruleOfUnsubscribeToken } from "./unsubscribe-token";

/** Stops the e-mail of the rule the token names; answers whether it was still mailing. */
export async function unsubscribeByToken({ db, token, secret }: { db: Db; token: string; secret: string }): Promise<{ stopped: boolean }> {
  const ruleId = ruleOfUnsubscribeToken(token, secret);
  if (!ruleId) throw new AppError("BAD_REQUEST", "This unsubscribe link is not valid: use the one in the latest e-mail.");
  return db.$transaction(async (tx) => {
    const rule = await tx.alertRule.findUnique({ where: { id: ruleId }, select: { userId: true, email: true } });
    // A deleted rule mails nobody: the link has nothing left to do.
    if (!rule?.email) return { stopped: false };
    await tx.alertRule.update({ where: { id: ruleId }, data: { email: false, version: { increment: 1 } } });
    await tx.alert.updateMany({ where: { ruleId, emailState: "PENDING" }, data: { emailState: null, emailDueAt: null } });
    await recordAudit({ db: tx, actorId: rule.userId, action: "UPDATE", entityType: "AlertRule", entityId: ruleId, before: { email: true }, after: { email: false, by: "unsubscribe link" } });
    return { stopped: true };
  });
}

const page = ({ t, locale }: { t: ReturnType<typeof useTranslations<"email">>; locale: Locale }, text: string) =>
  `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><title>${t("unsubscribe.title")}</title></head>` +
  `<body><h1>${t("unsubscribe.title")}</h1><p>${text}</p><p><a href="/alerts">${t("unsubscribe.back")}</a></p></body></html>`;

/** The route's handler for GET and POST; the token alone authorises it. */
export function createUnsubscribeHandler({ db, secret }: { db: () => Db; secret: () => string }) {
  return async (request: Request) => {
    const words = await mailWordsIn(localeOfRequest(request.headers));
    // The only refusal here is a bad token: said in the reader's language.
    const refusal: RefusalDialect = { body: (error) => ({ error: error.code === "BAD_REQUEST" ? words.t("unsubscribe.invalid") : error.message }) };
    return answering(async () => {
      const token = new URL(request.url).searchParams.get("token") ?? "";
      const { stopped } = await unsubscribeByToken({ db: db(), token, secret: secret() });
      const text = stopped ? words.t("unsubscribe.stopped") : words.t("unsubscribe.already");
      return new Response(page(words, text), { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
    }, refusal);
  };
}
