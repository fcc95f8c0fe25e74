"use client";
// /admin/jobs: "Run now" queues a manual run (audited); while a run waits or runs the page
// reloads its server data every few seconds, so the admin sees it start and finish.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { useHydrated } from "../use-hydrated";

const BUSY_REFRESH_MS = 2_000;

export function RunNowButton({ job, label }: { job: string; label: string }) {
  const t = useTranslations("admin.controls.jobs");
  const trpc = useTRPC();
  const router = useRouter();
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  // Until React has hydrated, a click would do nothing: a disabled button says so.
  const hydrated = useHydrated();
  const runNow = useMutation(
    trpc.jobs.runNow.mutationOptions({
      onSuccess: ({ queued }) => {
        setNote({ text: queued ? t("queued") : t("alreadyWaiting"), error: false });
        router.refresh();
      },
      onError: (e) => setNote({ text: e.message, error: true }),
    }),
  );
  return (
    <>
      <button type="button" aria-label={t("runNowLabel", { job: label })} disabled={!hydrated || runNow.isPending} onClick={() => runNow.mutate({ job })}>
        {runNow.isPending ? t("queuing") : t("runNow")}
      </button>
      {note?.error && (
        <span className="error" role="alert">
          {" "}
          {note.text}
        </span>
      )}
      {note && !note.error && <output className="notice"> {note.text}</output>}
    </>
  );
}

export function RefreshWhileBusy({ busy }: { busy: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => router.refresh(), BUSY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [busy, router]);
  return null;
}
