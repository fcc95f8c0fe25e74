// A saved view's link: opens the dashboard in the saved state, or "not found" for anyone who may
// not read it, exactly as for an id that never existed.
import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";
import { dashboardHref } from "@/server/views/url";

export const dynamic = "force-dynamic";

export default async function OpenViewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  const view = await orNotFound((await serverCaller()).views.get({ id }));
  redirect(dashboardHref(view.state, view.id));
}
