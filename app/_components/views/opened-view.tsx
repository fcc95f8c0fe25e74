"use client";
// Names the saved view the dashboard was opened from; its owner can store the current filters in it.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { migrateViewState, VIEW_STATE_VERSION, type ViewState } from "@/server/views/state";
import { dashboardHref } from "@/server/views/url";
import { SaveStatus, useSaveConflict } from "../forms/record-save";

export function OpenedView({
  view,
  state,
}: {
  view: { id: string; name: string; version: number; canEdit: boolean; state: ViewState; team: { name: string } | null };
  state: ViewState;
}) {
  const t = useTranslations("views.opened");
  const trpc = useTRPC();
  const router = useRouter();
  // Saved against the version the dashboard opened: an update from another tab meanwhile opens the
  // panel, which can load the saved filters instead.
  const saving = useSaveConflict<ViewState>(view.version, (saved) => router.push(dashboardHref(saved, view.id)));
  const update = useMutation(
    trpc.views.updateState.mutationOptions({
      onSuccess: (saved) => {
        saving.setVersion(saved.version);
        router.refresh();
      },
      onError: (error) => void saving.staleSave(error, (values) => migrateViewState(VIEW_STATE_VERSION, values.state)),
    }),
  );
  const changed = dashboardHref(view.state) !== dashboardHref(state);
  const stale = saving.status.conflict !== null;
  return (
    <>
      <p className="opened-view">
        {t("savedView")}{" "}
        <strong dir="auto">{view.name}</strong> ({view.team ? t("sharedWith", { team: view.team.name }) : t("onlyYou")}) ·{" "}
        <Link href={`/views/${view.id}`}>{t("link")}</Link>
        {view.canEdit && changed && (
          <>
            {" · "}
            <button type="button" disabled={update.isPending} onClick={() => update.mutate({ id: view.id, version: saving.version, state })}>
              {t("update")}
            </button>
          </>
        )}
        {update.isError && !stale && <span className="error"> {t("failed", { reason: update.error.message })}</span>}
      </p>
      <SaveStatus status={saving.status} input={state} />
    </>
  );
}
