"use client";
// A button's call to the server that re-renders the page when it succeeds and says why when it is
// refused: for rows of buttons (revoke, accept, decline, cancel) that have no form of their own.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export function useRefreshingAction() {
  const t = useTranslations("forms.action");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run(call: () => Promise<unknown>) {
    setError(null);
    startTransition(async () => {
      try {
        await call();
        router.refresh();
      } catch (e) {
        setError(e instanceof Error ? e.message : t("noAnswer"));
      }
    });
  }
  return { run, pending, error };
}

export function ActionError({ error }: { error: string | null }) {
  return error ? (
    <span className="error" role="alert">
      {" "}
      {error}
    </span>
  ) : null;
}
