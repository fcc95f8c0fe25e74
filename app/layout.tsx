import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Maghreb Monitor", template: "%s · Maghreb Monitor" },
  description: "France's relations with the Maghreb states: events, agreements and a published relations index.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
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
          <nav aria-label="Main">
            <Link href="/">Dashboard</Link>
            <Link href="/methodology">Methodology</Link>
            <Link href="/agreements">Agreements</Link>
          </nav>
        </header>
        <main id="main">
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </main>
      </body>
    </html>
  );
}
