"use client";
// Archive or restore an event: it leaves (or rejoins) the index and the feeds; nothing is deleted.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";

export function ArchiveButton({ id, version, archived }: { id: string; version: number; archived: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const options = { onSuccess: () => router.refresh(), onError: (e: { message: string }) => setError(e.message) };
  const archive = useMutation(trpc.events.archive.mutationOptions(options));
  const restore = useMutation(trpc.events.restore.mutationOptions(options));
  const busy = archive.isPending || restore.isPending;
  return (
    <p>
      <button type="button" disabled={busy} onClick={() => (archived ? restore : archive).mutate({ id, version })}>
        {archived ? "Restore event" : "Archive event"}
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
