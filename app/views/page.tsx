import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { ViewList } from "../_components/views/view-list";
import { requireUser } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Saved views" };
export const dynamic = "force-dynamic";

export default async function ViewsPage() {
  await requireUser();
  const views = await (await serverCaller()).views.list();
  return (
    <>
      <h1>Saved views</h1>
      <p className="meta">
        Yours and those your teams share. Save one from the <Link href="/">dashboard</Link>.
      </p>
      <ViewList views={views} />
    </>
  );
}
