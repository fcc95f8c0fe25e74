// Alert e-mail: one message per rule, recipient and due time (an alert at once, or a digest of the
// rule's alerts), in HTML and plain text, in the recipient's language (their account's; else English),
// with a signed one-click unsubscribe link (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058). Sent from the `alerts` job; a failed send is retried with the
// webhooks' backoff for a day, then marked FAILED.
import type { Transporter } from "nodemailer";
import type { Db } from "../db-client";
import type { useTranslations } from "next-intl";
import type { Formatters } from "../i18n/format";
import { directionOf, type Locale } from "../i18n/locales";
import { errorText } from "../jobs/record";
import { dyadIn, mailLocaleOf, mailWordsIn } from "./email-language";
import { mailingSubject, unsubscribeToken, type Mailing } from "./unsubscribe-token";
import { sayAlertCause, type CauseWords } from "./cause-words";
import { recipientNow } from "./recipients";
import { retryDelayMs, WEBHOOK_GIVE_UP_MS } from "./webhooks";

/** Whether `attempts` failed sends, spaced by the backoff, have kept trying for a day. */
export function triedForADay(attempts: number): boolean {
  let waited = 0;
  for (let k = 1; k <= attempts; k++) waited += retryDelayMs(k);
  return waited > WEBHOOK_GIVE_UP_MS;
}

/** What sending needs: the SMTP transport, the sender, the app's address for links, the signing secret. */
export interface MailSettings {
  transport: Pick<Transporter, "sendMail">;
  from: string;
  appUrl: string;
  secret: string;
}

export interface MailedAlert {
  /** The English sentence; `said` (cause-words.ts), when the alert has it, is said in the mail's language instead. */
  cause: string;
  said?: unknown;
  link: string;
  createdAt: Date;
}

/** What a mail is written with: the `email` messages and the formatters of the recipient's language. */
export interface MailWords {
  locale: Locale;
  t: ReturnType<typeof useTranslations<"email">>;
  format: Formatters;
  causes: CauseWords;
}

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The unsubscribe address of one recipient's e-mail of a rule (the owner's, or a subscriber's): GET
 * (the link) asks first; POST (the page's button, a mail client's one click) stops that e-mail.
 */
export const unsubscribeUrl = (settings: Pick<MailSettings, "appUrl" | "secret">, mailing: Mailing) =>
  `${settings.appUrl}/api/alerts/unsubscribe?token=${encodeURIComponent(unsubscribeToken(mailingSubject(mailing), settings.secret))}`;

/** The message for a rule's alerts, oldest first: one alert, or a digest of several, in the words' language. */
export function composeAlertEmail(input: { words: MailWords; dyad: string; cadence: "IMMEDIATE" | "DAILY" | "WEEKLY"; alerts: readonly MailedAlert[]; appUrl: string; unsubscribe: string }): AlertEmail {
  const { words, dyad, cadence, alerts, appUrl, unsubscribe } = input;
  const { t, format, locale } = words;
  const [only] = alerts;
  const causeOf = (alert: MailedAlert) => sayAlertCause({ cause: alert.cause, said: alert.said }, words.causes);
  const subject = alerts.length === 1 && only ? t("subject.one", { dyad, cause: causeOf(only) }) : t("subject.digest", { dyad, count: alerts.length, cadence });
  const lines = alerts.map((a) => ({ when: format.moment(a.createdAt), cause: causeOf(a), url: `${appUrl}${a.link}` }));
  const text = [t("intro", { dyad, cadence }), "", ...lines.flatMap((l) => [`${l.when}  ${l.cause}`, `  ${l.url}`]), "", t("stopLine", { url: unsubscribe })].join("\n");
  // A cause quotes recorded titles (and older alerts' English): dir="auto" keeps each one's own direction in an Arabic mail.
  const html = [
    `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><body style="font-family:sans-serif">`,
    `<h1 style="font-size:1.2em">${escapeHtml(t("heading", { dyad, cadence }))}</h1>`,
    `<ul>${lines.map((l) => `<li><time>${escapeHtml(l.when)}</time> <span dir="auto">${escapeHtml(l.cause)}</span> <a href="${escapeHtml(l.url)}">${escapeHtml(t("open"))}</a></li>`).join("")}</ul>`,
    `<p style="font-size:.9em"><a href="${escapeHtml(unsubscribe)}">${escapeHtml(t("stop"))}</a></p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, text, html, headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}

/** A send that has not been settled in this time (its process died) is tried again. */
const CLAIM_MS = 10 * 60_000;

/**
 * Sends the e-mails due at `now`, one per rule and recipient (its owner, each subscriber), and
 * settles their alerts; answers the messages attempted and sent. Each one's due alerts are claimed
 * first (their due time moved on), so two runners never send the same ones.
 */
export async function sendDueEmails({ db, now, mail }: { db: Db; now: Date; mail: MailSettings }): Promise<{ attempted: number; sent: number }> {
  const due = await db.alert.groupBy({ by: ["ruleId", "userId"], where: { emailState: "PENDING", emailDueAt: { lte: now } }, orderBy: [{ ruleId: "asc" }, { userId: "asc" }], take: 100 });
  let [attempted, sent] = [0, 0];
  for (const { ruleId, userId } of due) {
    const alerts = await db.alert.findMany({
      where: { ruleId, userId, emailState: "PENDING", emailDueAt: { lte: now } },
      orderBy: { createdAt: "asc" },
      select: { id: true, cause: true, said: true, link: true, createdAt: true, emailAttempts: true },
    });
    const { count } = await db.alert.updateMany({
      where: { id: { in: alerts.map((a) => a.id) }, emailState: "PENDING", emailDueAt: { lte: now } },
      data: { emailDueAt: new Date(now.getTime() + CLAIM_MS) },
    });
    // Another runner claimed some of them first: it sends them.
    if (count !== alerts.length || alerts.length === 0) continue;
    attempted++;
    const ids = { id: { in: alerts.map((a) => a.id) } };
    const recipient = await recipientNow(db, { ruleId, userId });
    if (!recipient?.email) {
      // Unsubscribed since, or no longer in the rule's team (or the rule is gone): what was waiting is not sent.
      await db.alert.updateMany({ where: ids, data: { emailState: null, emailDueAt: null } });
      continue;
    }
    const [rule, user] = [
      await db.alertRule.findUniqueOrThrow({ where: { id: ruleId }, select: { dyad: { select: { a: { select: { code: true, name: true } }, b: { select: { code: true, name: true } } } } } }),
      await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } }),
    ];
    const words = await mailWordsIn(mailLocaleOf(user.locale));
    const message = composeAlertEmail({ words, dyad: rule.dyad ? dyadIn(words, rule.dyad) : words.t("agreements"), cadence: recipient.emailCadence, alerts, appUrl: mail.appUrl, unsubscribe: unsubscribeUrl(mail, recipient.mailing) });
    const attempts = Math.max(...alerts.map((a) => a.emailAttempts)) + 1;
    try {
      await mail.transport.sendMail({ from: mail.from, to: user.email, ...message });
      await db.alert.updateMany({ where: ids, data: { emailState: "SENT", emailedAt: now, emailAttempts: attempts, emailError: null } });
      sent++;
    } catch (error) {
      const next = new Date(now.getTime() + retryDelayMs(attempts));
      await db.alert.updateMany({ where: ids, data: { emailState: triedForADay(attempts) ? "FAILED" : "PENDING", emailDueAt: next, emailAttempts: attempts, emailError: errorText(error) } });
    }
  }
  return { attempted, sent };
}
