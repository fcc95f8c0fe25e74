"use client";
// What a page that failed on the server shows. Production builds hide the server's message, so
// it asks the health check whether the database is the cause and says so plainly.
import { Link } from "@/app/_components/link";
import { useEffect, useState } from "react";

type Cause = "checking" | "database" | "other";

function useFailureCause(): Cause {
  const [cause, setCause] = useState<Cause>("checking");
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => r.status === 503, () => false)
      .then((down) => live && setCause(down ? "database" : "other"));
    return () => {
      live = false;
    };
  }, []);
  return cause;
}

export function ServerError() {
  const cause = useFailureCause();
  return (
    <div className="panel" role="alert" aria-busy={cause === "checking"}>
      {cause === "database" ? (
        <>
          <h1>Database unavailable</h1>
          <p>The database is unavailable; try again shortly. Nothing you saved before is lost.</p>
        </>
      ) : (
        <>
          <h1>This page could not be loaded</h1>
          <p>{cause === "checking" ? "Checking what went wrong…" : "The server failed to answer. Try again; if it keeps failing, tell an admin."}</p>
        </>
      )}
      <p>
        {/* A full reload: the failure happened on the server, so the page must be asked for again. */}
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>{" "}
        or <Link href="/">go back to the dashboard</Link>.
      </p>
    </div>
  );
}
