"use client";
// Names the saved view the dashboard was opened from; its owner can store the current filters in it.
import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";
import type { ViewState } from "@/server/views/state";
import { dashboardHref } from "@/server/views/url";

export function OpenedView({ view, state }: { view: { id: string; name: string; canEdit: boolean; state: ViewState; team: { name: string } | null }; state: ViewState }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.views.updateState.mutationOptions({ onSuccess: () => router.refresh() }));
  const changed = dashboardHref(view.state) !== dashboardHref(state);
  return (
    <p className="opened-view">
      Saved view <strong>{view.name}</strong> ({view.team ? `shared with ${view.team.name}` : "only you"}) ·{" "}
      <Link href={`/views/${view.id}`}>link to share</Link>
      {view.canEdit && changed && (
        <>
          {" · "}
          <button type="button" disabled={update.isPending} onClick={() => update.mutate({ id: view.id, state })}>
            Update view with these filters
          </button>
        </>
      )}
      {update.isError && <span className="error"> Could not update it: {update.error.message}</span>}
    </p>
  );
}
