import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountMenu } from "./_components/auth/account-menu";
import { IntlProvider } from "./_components/intl-provider";
import { LanguageMenu } from "./_components/language-menu";
import { TRPCReactProvider } from "./_trpc/client";
import { isAdmin } from "@/server/auth/permissions";
import { requestContext, serverCaller } from "@/server/caller";
import { directionOf } from "@/server/i18n/locales";
import "./globals.css";

/** The product's name, the same in every language. */
const BRAND = "Maghreb Monitor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: BRAND, template: `%s · ${BRAND}` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Shows what the user may use; the pages and procedures enforce it.
  const { user } = await requestContext();
  // The bell's and the review queue's counts are conveniences: an outage shows the page without them.
  const caller = user ? await serverCaller() : null;
  const [unread, awaiting] = await Promise.all([
    caller ? caller.alerts.unread().catch(() => null) : null,
    caller && user && isAdmin(user) ? caller.drafts.awaiting().catch(() => null) : null,
  ]);
  const [locale, t, review] = await Promise.all([getLocale(), getTranslations("common"), getTranslations("review.menu")]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <IntlProvider locale={locale}>
          <TRPCReactProvider>
            <a className="skip-link" href="#main">
              {t("skipToContent")}
            </a>
            <header className="site-header">
              <Link href="/" className="brand">
                {BRAND}
              </Link>
              {user ? (
                <>
                  <nav aria-label={t("nav.label")}>
                    <Link href="/">{t("nav.dashboard")}</Link>
                    <Link href="/agreements">{t("nav.agreements")}</Link>
                    <Link href="/views">{t("nav.views")}</Link>
                    <Link href="/teams">{t("nav.teams")}</Link>
                    {isAdmin(user) && <Link href="/admin">{t("nav.admin")}</Link>}
                    {awaiting ? (
                      <Link href="/admin/review#drafts" title={review("count", { count: awaiting })}>
                        {review("toReview")} <span className="badge">{awaiting}</span>
                      </Link>
                    ) : null}
                    <Link href="/methodology">{t("nav.methodology")}</Link>
                  </nav>
                  <Link href="/alerts" className="alert-bell" aria-label={unread === null ? t("alerts.bell") : t("alerts.bellUnread", { count: unread })}>
                    {/* Drawn, not an emoji: a machine without an emoji font shows an empty box instead. */}
                    <svg className="alert-bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                    </svg>
                    {unread ? <span className="badge">{unread}</span> : null}
                  </Link>
                  <AccountMenu name={user.name} />
                </>
              ) : (
                <LanguageMenu />
              )}
            </header>
            <main id="main">{children}</main>
          </TRPCReactProvider>
        </IntlProvider>
      </body>
    </html>
  );
}
