"use client";
// Shown when an agreements page fails on the server (the database is down, for instance).
import { Link } from "@/app/_components/link";

export default function AgreementsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="panel" role="alert">
      <h1>Agreements could not be loaded</h1>
      <p>The server could not read the agreements just now. Try again in a moment; if it keeps failing, tell an admin.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        or <Link href="/">go back to the dashboard</Link>.
      </p>
    </div>
  );
}
