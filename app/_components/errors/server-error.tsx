"use client";
// What a page that failed on the server shows. Production builds hide the server's message, so
// it asks the health check whether the database is the cause and says so plainly.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Link } from "@/app/_components/link";

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
  const t = useTranslations("states.serverError");
  return (
    <div className="panel" role="alert" aria-busy={cause === "checking"}>
      {cause === "database" ? (
        <>
          <h1>{t("databaseTitle")}</h1>
          <p>{t("databaseBody")}</p>
        </>
      ) : (
        <>
          <h1>{t("title")}</h1>
          <p>{cause === "checking" ? t("checking") : t("failed")}</p>
        </>
      )}
      <p>
        {/* A full reload: the failure happened on the server, so the page must be asked for again. */}
        <button type="button" onClick={() => window.location.reload()}>
          {t("retry")}
        </button>{" "}
        {t("or")} <Link href="/">{t("back")}</Link>.
      </p>
    </div>
  );
}
