"use client";
// Archive or restore a record (event, condition, agreement): it leaves (or rejoins) the index and
// the feeds; nothing is deleted. The server checks the version, so a stale page cannot undo a save.
// With review required the server answers with a draft instead (the record unchanged): its page.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPCClient } from "@/app/_trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function ArchiveButton({ domain, id, version, archived }: { domain: "events" | "conditions" | "agreements"; id: string; version: number; archived: boolean }) {
  const t = useTranslations("admin.controls.records");
  const client = useTRPCClient();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: () => (archived ? client[domain].restore : client[domain].archive).mutate({ id, version }),
    onSuccess: (done: { draftId?: string }) => {
      setError(null);
      if (done.draftId) return router.push(`/admin/drafts/${done.draftId}`);
      router.refresh();
    },
    onError: (e: Error) => setError(e.message),
  });
  return (
    <p>
      <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {archived ? t(`restore.${domain}`) : t(`archive.${domain}`)}
      </button>
      {error && (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      )}
    </p>
  );
}
