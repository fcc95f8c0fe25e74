import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import type { ReactNode } from "react";
import { AccountMenu } from "./_components/auth/account-menu";
import { TRPCReactProvider } from "./_trpc/client";
import { isAdmin } from "@/server/auth/permissions";
import { requestContext, serverCaller } from "@/server/caller";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Maghreb Monitor", template: "%s · Maghreb Monitor" },
  description: "France's relations with the Maghreb states: events, agreements and a published relations index.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Shows what the user may use; the pages and procedures enforce it.
  const { user } = await requestContext();
  // The bell's count is a convenience: an outage shows the bell without it rather than no page.
  const unread = user ? await (await serverCaller()).alerts.unread().catch(() => null) : null;
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Maghreb Monitor
          </Link>
          {user && (
            <>
              <nav aria-label="Main">
                <Link href="/">Dashboard</Link>
                <Link href="/agreements">Agreements</Link>
                <Link href="/views">Saved views</Link>
                <Link href="/teams">Teams</Link>
                {isAdmin(user) && <Link href="/admin">Admin</Link>}
                <Link href="/methodology">Methodology</Link>
              </nav>
              <Link href="/alerts" className="alert-bell" aria-label={unread === null ? "Alerts" : `Alerts, ${unread} unread`}>
                <span aria-hidden="true">🔔</span>
                {unread ? <span className="badge">{unread}</span> : null}
              </Link>
              <AccountMenu name={user.name} />
            </>
          )}
        </header>
        <main id="main">
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </main>
      </body>
    </html>
  );
}
