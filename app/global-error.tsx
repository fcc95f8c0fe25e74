"use client";
// The root layout itself failed (it looks the session up, so a database outage lands here):
// this replaces the whole document, hence its own <html> and the stylesheet.
import { ServerError } from "./_components/errors/server-error";
import "./globals.css";

export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <ServerError />
        </main>
      </body>
    </html>
  );
}
