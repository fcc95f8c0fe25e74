import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import type { ReactNode } from "react";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AccountMenu } from "./_components/auth/account-menu";
import { IntlProvider } from "./_components/intl-provider";
import { clientMessages } from "@/i18n/messages";
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
  // The bell's count is a convenience: an outage shows the bell without it rather than no page.
  const unread = user ? await (await serverCaller()).alerts.unread().catch(() => null) : null;
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("common")]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <IntlProvider locale={locale} messages={clientMessages(messages)}>
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
                    <Link href="/methodology">{t("nav.methodology")}</Link>
                  </nav>
                  <Link href="/alerts" className="alert-bell" aria-label={unread === null ? t("alerts.bell") : t("alerts.bellUnread", { count: unread })}>
                    <span aria-hidden="true">🔔</span>
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
