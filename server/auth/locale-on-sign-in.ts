// Sign-in brings the account's language to this browser: a user who chose French on one machine
// signs in on another and gets French, without asking again. No choice on the account: the
// browser's cookie or Accept-Language stands.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import type { CredentialsDb } from "../db-client";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S } from "../i18n/locales";
import { SIGN_IN_PATH } from "./sign-in-audit";

export function localeOnSignIn(db: CredentialsDb) {
  return {
    id: "locale-on-sign-in",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const signedIn = ctx.context.newSession;
            if (!signedIn) return;
            const { locale } = (await db.user.findUnique({ where: { id: signedIn.user.id }, select: { locale: true } })) ?? { locale: null };
            if (isLocale(locale)) ctx.setCookie(LOCALE_COOKIE, locale, { maxAge: LOCALE_COOKIE_MAX_AGE_S, path: "/", sameSite: "lax", httpOnly: false });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
