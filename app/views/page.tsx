import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { ViewList } from "../_components/views/view-list";
import { requireUser } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { decodeViewCursor } from "@/server/views/cursor";

export const metadata: Metadata = { title: "Saved views" };
export const dynamic = "force-dynamic";

const pageHref = (cursor: string) => `/views?${new URLSearchParams({ page: cursor }).toString()}`;

export default async function ViewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const asked = (await searchParams).page;
  // A page link that is not one of ours opens the first page and says so, as the dashboard does with filters.
  const cursor = typeof asked === "string" && asked.length <= 100 && decodeViewCursor(asked) ? asked : null;
  const page = await (await serverCaller()).views.list({ cursor });
  return (
    <>
      <h1>Saved views</h1>
      <p className="meta">
        Yours and those your teams share. Save one from the <Link href="/">dashboard</Link>.
      </p>
      {asked !== undefined && cursor === null && <output className="notice">That page link was not understood: this is the first page.</output>}
      <ViewList views={page.items} />
      {(page.previousCursor || page.nextCursor) && (
        <nav aria-label="Pages of saved views" className="actions">
          {page.previousCursor && (
            <Link href={pageHref(page.previousCursor)} rel="prev">
              Newer views
            </Link>
          )}
          {page.nextCursor && (
            <Link href={pageHref(page.nextCursor)} rel="next">
              Older views
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
