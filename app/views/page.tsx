import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { ViewList } from "../_components/views/view-list";
import { requireUser } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { decodeViewCursor } from "@/server/views/cursor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("views"))("title") };
}

export const dynamic = "force-dynamic";

const pageHref = (cursor: string) => `/views?${new URLSearchParams({ page: cursor }).toString()}`;

export default async function ViewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const asked = (await searchParams).page;
  // A page link that is not one of ours opens the first page and says so, as the dashboard does with filters.
  const cursor = typeof asked === "string" && asked.length <= 100 && decodeViewCursor(asked) ? asked : null;
  const page = await (await serverCaller()).views.list({ cursor });
  const t = await getTranslations("views");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">
        {t("intro")} <Link href="/">{t("saveFromDashboard")}</Link>
      </p>
      {asked !== undefined && cursor === null && <output className="notice">{t("badPage")}</output>}
      <ViewList views={page.items} />
      {(page.previousCursor || page.nextCursor) && (
        <nav aria-label={t("pages")} className="actions">
          {page.previousCursor && (
            <Link href={pageHref(page.previousCursor)} rel="prev">
              {t("newer")}
            </Link>
          )}
          {page.nextCursor && (
            <Link href={pageHref(page.nextCursor)} rel="next">
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
